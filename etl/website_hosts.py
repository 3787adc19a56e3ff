"""What the website importers know about trackers: hosts, tag ids, Google Analytics'
parameters and default cookies. Shared by the HAR and the page importers.

    >>> tracker_for("region1.google-analytics.com", "/g/collect")
    ('google_analytics', 'analytics')
    >>> site_of("www.ictroermond.nl")
    'ictroermond.nl'
"""

from __future__ import annotations

import re

# (host suffix, path prefix, service, category). The first match wins, so the more
# specific rows (a path on a shared host such as www.google.com) come first.
TRACKER_HOSTS: tuple[tuple[str, str, str, str], ...] = (
    ("google.com", "/ads/ga-audiences", "google_signals", "marketing"),
    ("google.com", "/pagead", "google_ads", "marketing"),
    ("stats.g.doubleclick.net", "", "google_signals", "marketing"),
    ("doubleclick.net", "", "google_ads", "marketing"),
    ("googleadservices.com", "", "google_ads", "marketing"),
    ("googlesyndication.com", "", "google_ads", "marketing"),
    ("google-analytics.com", "", "google_analytics", "analytics"),
    ("analytics.google.com", "", "google_analytics", "analytics"),
    ("googletagmanager.com", "", "google_tag_manager", "analytics"),
    ("facebook.com", "/tr", "facebook_pixel", "marketing"),
    ("connect.facebook.net", "", "facebook_pixel", "marketing"),
    ("hotjar.com", "", "hotjar", "analytics"),
    ("hotjar.io", "", "hotjar", "analytics"),
    ("clarity.ms", "", "microsoft_clarity", "analytics"),
    ("bat.bing.com", "", "microsoft_ads", "marketing"),
    ("px.ads.linkedin.com", "", "linkedin_insight", "marketing"),
    ("snap.licdn.com", "", "linkedin_insight", "marketing"),
    ("analytics.tiktok.com", "", "tiktok_pixel", "marketing"),
)

# Tag ids in a page or a request: GA4 measurement id, Universal Analytics property,
# Tag Manager container, Google Ads conversion id.
TAG_ID = re.compile(r"\b(G-[A-Z0-9]{4,12}|UA-\d{4,10}-\d{1,4}|GTM-[A-Z0-9]{4,9}|AW-\d{6,12})\b")

# Google Analytics hit parameters (GA4 /g/collect and Universal Analytics /collect) and the
# field of data.policy.toml's vocabulary (compliance.policy.WEB_FIELD_IDS) each one sends.
GA_PARAM_FIELDS: dict[str, str] = {
    "dl": "page_url",
    "dt": "page_title",
    "dr": "referrer_url",
    "sr": "screen_resolution",
    "vp": "screen_resolution",
    "ul": "language",
    "uid": "user_id",
    "_uid": "user_id",
    "em": "user_provided_data",
    "ph": "user_provided_data",
}
GA_PARAM_PREFIX_FIELDS: dict[str, str] = {"up.": "user_properties", "upn.": "user_properties"}
# Every hit also carries what no parameter names: the visitor's IP address (country is
# derived from it) and the User-Agent header (browser, operating system).
GA_IMPLICIT_FIELDS = ("ip_address", "country", "browser", "operating_system")

# gtag.js writes _ga and _ga_<container> for two years unless cookie_expires says otherwise
# (developers.google.com/tag-platform/security/guides/customize-cookies).
GA_DEFAULT_COOKIE_SECONDS = 63_072_000
UA_GID_SECONDS = 86_400

# Cookie names (a trailing * is any suffix) -> category, for lists that do not say it.
KNOWN_COOKIES: tuple[tuple[str, str], ...] = (
    ("_ga", "analytics"), ("_ga_*", "analytics"), ("_gid", "analytics"), ("_gat*", "analytics"),
    ("__utm*", "analytics"), ("_dc_gtm_*", "analytics"), ("FPID", "analytics"),
    ("_hj*", "analytics"), ("_clck", "analytics"), ("_clsk", "analytics"),
    ("_gcl_*", "marketing"), ("IDE", "marketing"), ("test_cookie", "marketing"),
    ("_fbp", "marketing"), ("fr", "marketing"), ("_uet*", "marketing"), ("MUID", "marketing"),
    ("VISITOR_INFO1_LIVE", "marketing"), ("YSC", "marketing"), ("NID", "marketing"),
    ("_ttp", "marketing"), ("li_*", "marketing"), ("bcookie", "marketing"),
    ("PHPSESSID", "functional"), ("JSESSIONID", "functional"),
    ("ASP.NET_SessionId", "functional"), ("wordpress_*", "functional"),
    ("wp-settings-*", "functional"), ("XSRF-TOKEN", "functional"), ("csrftoken", "functional"),
    ("cookieconsent*", "functional"), ("CookieConsent", "functional"),
    ("cookielawinfo*", "functional"), ("cmplz_*", "functional"), ("borlabs-cookie", "functional"),
)  # fmt: skip


def name_matches(name: str, pattern: str) -> bool:
    """A cookie name against a pattern whose trailing * stands for any suffix."""
    if pattern.endswith("*"):
        return name.startswith(pattern[:-1])
    return name == pattern


def cookie_category(name: str) -> str:
    """The category of a well-known cookie name, else ""."""
    return next((cat for pattern, cat in KNOWN_COOKIES if name_matches(name, pattern)), "")


# Two-label public suffixes common in this company's world; the rest is "last two labels".
_TWO_LABEL_SUFFIXES = {"co.uk", "org.uk", "ac.uk", "com.au", "co.nz", "com.br", "co.jp"}


def host_of(domain: str) -> str:
    """A cookie domain or host as compared: lower case, no leading dot, no port."""
    return domain.strip().lower().lstrip(".").split(":")[0].rstrip(".")


def site_of(host: str) -> str:
    """The registrable domain ("site") of a host: www.ictroermond.nl -> ictroermond.nl."""
    labels = host_of(host).split(".")
    if len(labels) <= 2 or re.fullmatch(r"[\d.]+", host_of(host)):
        return ".".join(labels)
    if ".".join(labels[-2:]) in _TWO_LABEL_SUFFIXES:
        return ".".join(labels[-3:])
    return ".".join(labels[-2:])


def tracker_for(host: str, path: str) -> tuple[str, str] | None:
    """(service, category) when a request to host/path goes to a known tracker."""
    host = host_of(host)
    for suffix, prefix, service, category in TRACKER_HOSTS:
        if (host == suffix or host.endswith("." + suffix)) and path.startswith(prefix):
            return service, category
    return None


def ga_container(measurement_id: str) -> str:
    """The suffix of GA4's session cookie: G-AB12CD34 -> _ga_AB12CD34."""
    return "_ga_" + measurement_id.removeprefix("G-")


def fields_of_params(names: set[str]) -> dict[str, str]:
    """field id -> the parameter that showed it, for the parameter names of GA hits."""
    found: dict[str, str] = {}
    for name in sorted(names):
        field = GA_PARAM_FIELDS.get(name)
        if field is None:
            field = next((f for p, f in GA_PARAM_PREFIX_FIELDS.items() if name.startswith(p)), None)
        if field is not None:
            found.setdefault(field, name)
    return found
