"""UK detectors as Presidio recognizers, one module per detector.

Importing this package is cheap; Presidio and the detector modules load when
`uk_recognizers()` is first called.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from presidio_analyzer import EntityRecognizer


def uk_recognizers(language: str = "en") -> list[EntityRecognizer]:
    """One instance of each UK recognizer, ready for a RecognizerRegistry."""
    from anonymiser.detect.recognizers.courts_prisons import CourtsPrisonsRecognizer
    from anonymiser.detect.recognizers.dates import UkDateRecognizer
    from anonymiser.detect.recognizers.email_address import EmailAddressRecognizer
    from anonymiser.detect.recognizers.family_group import FamilyGroupRecognizer
    from anonymiser.detect.recognizers.institutions import (
        GpPracticeRecognizer,
        HospitalRecognizer,
        HospitalUnitRecognizer,
        HospitalWardRecognizer,
        NurseryRecognizer,
        SchoolRecognizer,
    )
    from anonymiser.detect.recognizers.letter_person import LetterPersonRecognizer
    from anonymiser.detect.recognizers.nhs_number import NhsNumberRecognizer
    from anonymiser.detect.recognizers.ni_number import NiNumberRecognizer
    from anonymiser.detect.recognizers.phone_number import UkPhoneRecognizer
    from anonymiser.detect.recognizers.place_context import PlaceContextRecognizer
    from anonymiser.detect.recognizers.postcode import PostcodeRecognizer
    from anonymiser.detect.recognizers.quantity import QuantityRecognizer
    from anonymiser.detect.recognizers.reference_number import ReferenceNumberRecognizer
    from anonymiser.detect.recognizers.review_reference import ReviewReferenceRecognizer
    from anonymiser.detect.recognizers.road_number import RoadNumberRecognizer
    from anonymiser.detect.recognizers.social_handle import SocialHandleRecognizer
    from anonymiser.detect.recognizers.street_address import StreetAddressRecognizer
    from anonymiser.detect.recognizers.titled_person import TitledPersonRecognizer
    from anonymiser.detect.recognizers.url import UrlRecognizer
    from anonymiser.detect.recognizers.vehicle_registration import VehicleRegistrationRecognizer

    classes: list[Callable[..., EntityRecognizer]] = [
        NhsNumberRecognizer,
        NiNumberRecognizer,
        PostcodeRecognizer,
        UkPhoneRecognizer,
        EmailAddressRecognizer,
        UrlRecognizer,
        SocialHandleRecognizer,
        VehicleRegistrationRecognizer,
        StreetAddressRecognizer,
        RoadNumberRecognizer,
        PlaceContextRecognizer,
        UkDateRecognizer,
        ReferenceNumberRecognizer,
        ReviewReferenceRecognizer,
        SchoolRecognizer,
        NurseryRecognizer,
        GpPracticeRecognizer,
        HospitalWardRecognizer,
        HospitalUnitRecognizer,
        HospitalRecognizer,
        TitledPersonRecognizer,
        FamilyGroupRecognizer,
        LetterPersonRecognizer,
        QuantityRecognizer,
        CourtsPrisonsRecognizer,
    ]
    return [cls(supported_language=language) for cls in classes]
