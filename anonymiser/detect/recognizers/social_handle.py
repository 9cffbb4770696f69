"""Social-media handles: @names, and usernames written after a platform's name."""

from __future__ import annotations

import regex as re

from anonymiser.core.entities import SOCIAL_MEDIA_HANDLE
from anonymiser.detect.recognizers._pattern import UkPattern, UkPatternRecognizer

_PLATFORM = (
    r"(?i:snap\s?chat|snap|instagram|insta|tik\s?tok|facebook|fb|messenger|twitter|whats\s?app"
    r"|you\s?tube|discord|telegram|kik|roblox|xbox|playstation|psn|twitch|reddit|threads"
    r"|yubo|wizz|omegle|tumblr|pinterest|onlyfans|linkedin|steam|fortnite|signal)"
    # "X" alone is a letter; only take it as the platform in its usual company.
    r"|X(?=\s*(?:/\s*Twitter|\(formerly Twitter\)|\s+(?:account|username|handle|profile)))"
    r"(?:\s*/\s*Twitter|\s*\(formerly Twitter\))?"
)
_ACCOUNT_WORD = (
    r"(?i:account|username|user\s?name|user|handle|name|profile|page|id|gamer\s?tag|tag)"
)
_HANDLE_KEYWORD = r"(?i:username|user\s?name|handle|gamer\s?tag|screen\s?name|profile\s+name)"
_LINK = r"(?i:[:,\-–]|\bis\b|\bwas\b|\bcalled\b|\bnamed\b|\bas\b|\bunder\b)"
_TOKEN = r"[A-Za-z0-9_](?:[A-Za-z0-9_.]{0,38}[A-Za-z0-9_])?"
# An unquoted token must look like a handle, not a word: a digit, an underscore or an inner
# dot ("kayla.b2010", "jaydenx_99"), so "her Snapchat account was deleted" finds nothing.
_HANDLE_LIKE = rf"(?=[A-Za-z0-9_.]*[0-9_]|[A-Za-z0-9_]+\.[A-Za-z0-9_]){_TOKEN}"
_AT_HANDLE = r"@[A-Za-z0-9_](?:[A-Za-z0-9_.]{0,28}[A-Za-z0-9_])?"
_LOWER_TOKEN = r"[a-z0-9_][a-z0-9_.]{1,28}[a-z0-9_]"
_QUOTE_OPEN = "['\"‘“]"
_QUOTE_CLOSE = "['\"’”]"

# Platform, then optionally "account"/"username"..., then optionally ":" / "is" / "called",
# up to the handle. The patterns match the lead, then \K (the regex module's "keep out")
# starts the span at the handle itself: a look-behind would be tried at every position of
# the text, a lead only where a platform or keyword starts. Leads allow a few spaces, not any
# number, so a run of blank lines is never rescanned.
# "TikTok as user lil.k", "Facebook page, kay.b": a link word may stand before the account word too.
_LEAD = (rf"\b(?:{_PLATFORM})(?:['’]s)?(?:\s{{0,3}}{_LINK}(?=\s{{1,3}}{_ACCOUNT_WORD}))?"
         rf"(?:\s{{1,3}}{_ACCOUNT_WORD})?(?:\s{{0,3}}{_LINK})?\s{{0,3}}")
_KEYWORD_LEAD = rf"\b{_HANDLE_KEYWORD}(?:\s{{0,3}}{_LINK})?\s{{0,3}}"
_COLON_LEAD = rf"\b(?:{_PLATFORM}|{_HANDLE_KEYWORD})(?:\s{{1,3}}{_ACCOUNT_WORD})?\s{{0,3}}:\s{{0,3}}"


class SocialHandleRecognizer(UkPatternRecognizer):
    """Handles such as @jaydenx_99, "Snapchat: kayla.b2010", "TikTok account 'lilmiss_k'"."""

    ENTITY = SOCIAL_MEDIA_HANDLE
    # Every pattern holds an @, or a platform's or a handle keyword's letters ("X" only beside
    # "Twitter" or "account"...).
    REQUIRES_ANY_CASE = (
        "@", "snap", "insta", "tik", "face", "fb", "messenger", "twitter", "whats", "tube", "discord",
        "telegram", "kik", "roblox", "xbox", "playstation", "psn", "twitch", "reddit", "threads", "yubo",
        "wizz", "omegle", "tumblr", "pinterest", "onlyfans", "linkedin", "steam", "fortnite", "signal",
        "user", "handle", "gamer", "screen", "profile", "account",
    )
    PATTERNS = [
        # An @ not preceded by a word character, so email addresses are left alone.
        UkPattern("@handle", rf"(?<![\w@.+-]){_AT_HANDLE}(?![\w@]|\.\w)", 0.8),
        UkPattern(
            "Platform, quoted handle",
            rf"{_LEAD}{_QUOTE_OPEN}\K{_TOKEN}(?={_QUOTE_CLOSE})",
            0.85,
        ),
        UkPattern("Platform, handle", rf"{_LEAD}\K{_HANDLE_LIKE}(?![\w@])", 0.85),
        UkPattern(
            "Username, quoted",
            rf"{_KEYWORD_LEAD}{_QUOTE_OPEN}\K{_TOKEN}(?={_QUOTE_CLOSE})",
            0.85,
        ),
        UkPattern("Username, handle", rf"{_KEYWORD_LEAD}\K{_HANDLE_LIKE}(?![\w@])", 0.8),
        # "Snapchat: kaylab" - a colon straight after the platform or keyword introduces the
        # handle itself; still insist on lower case so "Snapchat: She said" is not taken.
        UkPattern("Platform or username, colon", rf"{_COLON_LEAD}\K{_LOWER_TOKEN}(?![\w@])", 0.6),
    ]
    CONTEXT = [
        "snapchat", "instagram", "tiktok", "facebook", "twitter", "handle", "username", "account",
    ]

    # Case-sensitive: the colon pattern relies on a handle being lower case; platform
    # names carry their own (?i:).
    FLAGS = re.DOTALL | re.MULTILINE
