"""UK detectors as Presidio recognizers, one module per detector.

Importing this package is cheap; Presidio and the detector modules load when
`uk_recognizers()` is first called.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from presidio_analyzer import EntityRecognizer


def uk_recognizers(language: str = "en") -> list[EntityRecognizer]:
    """One instance of each UK recognizer, ready for a RecognizerRegistry."""
    from .courts_prisons import CourtsPrisonsRecognizer
    from .dates import UkDateRecognizer
    from .email_address import EmailAddressRecognizer
    from .institutions import (
        GpPracticeRecognizer,
        HospitalWardRecognizer,
        NurseryRecognizer,
        SchoolRecognizer,
    )
    from .letter_person import LetterPersonRecognizer
    from .nhs_number import NhsNumberRecognizer
    from .ni_number import NiNumberRecognizer
    from .phone_number import UkPhoneRecognizer
    from .place_context import PlaceContextRecognizer
    from .postcode import PostcodeRecognizer
    from .quantity import QuantityRecognizer
    from .reference_number import ReferenceNumberRecognizer
    from .social_handle import SocialHandleRecognizer
    from .street_address import StreetAddressRecognizer
    from .titled_person import TitledPersonRecognizer
    from .url import UrlRecognizer
    from .vehicle_registration import VehicleRegistrationRecognizer

    classes = [
        NhsNumberRecognizer,
        NiNumberRecognizer,
        PostcodeRecognizer,
        UkPhoneRecognizer,
        EmailAddressRecognizer,
        UrlRecognizer,
        SocialHandleRecognizer,
        VehicleRegistrationRecognizer,
        StreetAddressRecognizer,
        PlaceContextRecognizer,
        UkDateRecognizer,
        ReferenceNumberRecognizer,
        SchoolRecognizer,
        NurseryRecognizer,
        GpPracticeRecognizer,
        HospitalWardRecognizer,
        TitledPersonRecognizer,
        LetterPersonRecognizer,
        QuantityRecognizer,
        CourtsPrisonsRecognizer,
    ]
    return [cls(supported_language=language) for cls in classes]
