"""Consumer platforms among O*NET technologies: offered to learn only where the work uses them.

O*NET lists the platforms people use as consumers among occupations' technologies — Facebook
for 135 occupations, filed as "web page creation and editing software" beside Dreamweaver and
WordPress; YouTube and TikTok as video editing software; Zoom, Safari, Gmail, Google Workspace.
Facebook is also one of O*NET's hot technologies, and the clusters that list it (retail, the
performing arts, property and recreation managers) list it densely enough to pass the peer rule
of :func:`ai_impact.reports.adaptation._technologies`: 22 pages told dancers, makeup artists and
sociologists to learn Facebook. Using such a platform is not a skill to build; using it for the
work can be (a marketing manager's social media campaigns).

A consumer platform is offered only when the occupation's own task statements or detailed work
activities name the activity it serves (:data:`ACTIVITY`): social media for marketing
campaigns, advertising, promotion, publicity or public relations; a browser for building web
sites; video calls for video conferencing, telehealth or teaching online. Email clients and
office suites serve no activity of their own and are never offered. Platforms are known by
commodity class (browsers, email, instant messaging, video conferencing, office suites) or,
where O*NET files them with specialist software, by name (:data:`SOCIAL`, Microsoft Teams).
"""

from __future__ import annotations

import re

__all__ = ["ACTIVITY", "CONSUMER_KINDS", "SOCIAL", "consumer_platform", "offered_platform"]

SOCIAL_MEDIA = "social media"
BROWSING = "web browsing"
CALLS = "video calls"
MAIL = "email"
OFFICE = "office suite"

# Commodity classes whose products are consumer tools in their own right.
CONSUMER_KINDS: dict[str, str] = {
    "43232705": BROWSING,  # Internet browser software
    "43233501": MAIL,  # Electronic mail software
    "43233504": SOCIAL_MEDIA,  # Instant messaging software (Twitter, Snapchat, WhatsApp)
    "43233502": CALLS,  # Video conferencing software
    "43231513": OFFICE,  # Office suite software
}

# Social platforms O*NET files with specialist software (web page creation, video editing).
SOCIAL: frozenset[str] = frozenset(
    {
        *("Facebook", "LinkedIn", "Instagram", "Twitter", "TikTok", "YouTube", "Snapchat"),
        *("Pinterest", "Myspace", "Tumblr", "WhatsApp", "GroupMe", "Vimeo"),
        *("Social media sites", "Social media software", "Social networking software"),
    }
)

# The activity in task statements or work activities that makes a platform part of the work;
# a group without one (email, office suites) is never offered.
ACTIVITY: dict[str, re.Pattern[str]] = {
    # doing the marketing, not working beside it ("functions as advertised", "advertisers")
    SOCIAL_MEDIA: re.compile(
        r"social media|social network|online (?:communit|advertis|marketing)|publicity|"
        r"public relations|marketing (?:materials?|campaigns?|strateg|plans?|programs?|content)|"
        r"advertising (?:campaigns?|copy|materials?|strateg)|"
        r"promotional (?:campaigns?|strateg|materials?|plans?)"
    ),
    BROWSING: re.compile(r"web ?sites?\b|web pages?\b|web applications?\b|browser"),
    CALLS: re.compile(
        r"video ?conferenc|teleconferenc|telehealth|telemedicine|"
        r"online (?:courses?|classes|instruction|sessions?)|virtual (?:meetings?|classes|sessions?)"
    ),
}

# Meeting tools O*NET files elsewhere (Microsoft Teams as project management software).
_CALLS = frozenset({"Microsoft Teams"})
# Mail-marketing services O*NET files as email software: specialist tools, not platforms.
_NOT_CONSUMER = frozenset({"MailChimp", "SendGrid", "Listserv software"})


def consumer_platform(example: str, commodity_code: str) -> str | None:
    """The consumer activity a product serves (:data:`SOCIAL_MEDIA`, …), None for specialist
    software."""
    if example in _NOT_CONSUMER:
        return None
    if example in SOCIAL:
        return SOCIAL_MEDIA
    if example in _CALLS:
        return CALLS
    return CONSUMER_KINDS.get(commodity_code)


def offered_platform(example: str, commodity_code: str, activities: str) -> bool:
    """Whether a product may be offered to learn: specialist software always, a consumer
    platform only when ``activities`` (the occupation's task statements and detailed work
    activities, lower case) name what it is used for."""
    group = consumer_platform(example, commodity_code)
    if group is None:
        return True
    pattern = ACTIVITY.get(group)
    return pattern is not None and pattern.search(activities) is not None
