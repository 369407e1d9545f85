"""The library: learning resources that units share, and the collections that hold them (LIBRARY.md).

A `Resource` is one e-book, video, audio, document, exercise, HTML5/H5P package or link to an external course
(a MOOC), described once: Dublin Core's elements are mapped from these fields when the resource is harvested
(OAI-PMH `oai_dc`, lifelong/library/oai.py), not stored a second time. Its licence is an SPDX id; "all rights
reserved" allows a link only. A resource belongs to the unit that published it (its bookshelf, "tủ sách số")
and may be listed in `Collection`s: a unit's shelf, a collection shared across units ("thư viện dùng chung"),
or a campaign's curated list. Activities of kinds d) (online learning, open resources) and đ) (digital
libraries) link the resources they introduce.

Records of other repositories are harvested into a shared collection (`HarvestSource`, OAI-PMH); they keep
their identifier and datestamp there, so that harvesting again changes only what changed.

A withdrawn resource is not deleted: it keeps its identifier and the time it was withdrawn, so that harvesters
learn of the withdrawal (OAI-PMH `deletedRecord` = persistent). `modified_at` is the datestamp harvesters
select on; every change moves it.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from lifelong.core.text import search_key
from lifelong.orgs.models import OrgUnit

LICENCES = {  # SPDX id -> (name, address of the licence text); the names are shown in the reader's language
    "CC-BY-4.0": (_("Creative Commons Attribution 4.0 (CC BY)"), "https://creativecommons.org/licenses/by/4.0/"),
    "CC-BY-SA-4.0": (_("Creative Commons Attribution-ShareAlike 4.0 (CC BY-SA)"), "https://creativecommons.org/licenses/by-sa/4.0/"),
    "CC-BY-NC-4.0": (_("Creative Commons Attribution-NonCommercial 4.0 (CC BY-NC)"),
                     "https://creativecommons.org/licenses/by-nc/4.0/"),
    "CC-BY-NC-SA-4.0": (_("Creative Commons Attribution-NonCommercial-ShareAlike 4.0 (CC BY-NC-SA)"),
                        "https://creativecommons.org/licenses/by-nc-sa/4.0/"),
    "CC-BY-ND-4.0": (_("Creative Commons Attribution-NoDerivatives 4.0 (CC BY-ND)"),
                     "https://creativecommons.org/licenses/by-nd/4.0/"),
    "CC-BY-NC-ND-4.0": (_("Creative Commons Attribution-NonCommercial-NoDerivatives 4.0 (CC BY-NC-ND)"),
                        "https://creativecommons.org/licenses/by-nc-nd/4.0/"),
    "CC0-1.0": (_("Creative Commons Zero 1.0 (CC0, public domain dedication)"),
                "https://creativecommons.org/publicdomain/zero/1.0/"),
    "public-domain": (_("Public domain"), "https://creativecommons.org/publicdomain/mark/1.0/"),
    "all-rights-reserved": (_("All rights reserved"), ""),
}


def subject_key(subjects: list) -> str:
    folded = [search_key(str(subject)) for subject in subjects if search_key(str(subject))]
    return ("|" + "|".join(folded) + "|")[:2100] if folded else ""


class Collection(models.Model):
    class Kind(models.TextChoices):
        SHELF = "shelf", _("A unit's digital bookshelf")
        SHARED = "shared", _("Shared library")
        CURATED = "curated", _("Curated list")

    unit = models.ForeignKey(OrgUnit, on_delete=models.PROTECT, related_name="collections")
    kind = models.CharField(max_length=10, choices=Kind.choices, default=Kind.SHELF)
    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    # A curated list made for one kind of activity of a campaign ("học liệu kỹ năng số" for kind c of 2025):
    # the activities of that kind suggest it.
    category = models.ForeignKey("campaigns.ActivityCategory", on_delete=models.SET_NULL, null=True, blank=True,
                                 related_name="curated_collections", verbose_name=_("for the activities of"))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["unit__path", "name", "pk"]

    def __str__(self) -> str:
        return self.name


class HarvestSource(models.Model):
    """Another OAI-PMH repository whose records are harvested into a shared collection (manage.py harvest_oai).

    `last_datestamp` is the newest datestamp harvested, in the source's clock: the next run asks only for what
    changed from then (OAI-PMH `from`, inclusive; a record seen again with the same datestamp is left alone).
    """

    base_url = models.URLField(max_length=500)
    set_spec = models.CharField(max_length=200, blank=True)
    name = models.CharField(max_length=300, blank=True)
    collection = models.ForeignKey(Collection, on_delete=models.PROTECT, related_name="harvest_sources")
    last_datestamp = models.DateTimeField(null=True, blank=True)
    last_run_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["base_url", "set_spec"], name="harvest_source_unique")]

    def __str__(self) -> str:
        return self.name or self.base_url


class Resource(models.Model):
    class Kind(models.TextChoices):
        DOCUMENT = "document", _("Document or e-book")
        VIDEO = "video", _("Video")
        AUDIO = "audio", _("Audio")
        EXERCISE = "exercise", _("Exercise")
        HTML5 = "html5", _("HTML5 / H5P package")
        SLIDESHOW = "slideshow", _("Slides")
        COURSE = "course", _("Online course (MOOC)")
        LINK = "link", _("Link to a resource elsewhere")

    unit = models.ForeignKey(OrgUnit, on_delete=models.PROTECT, related_name="resources",
                             verbose_name=_("published by"))
    collections = models.ManyToManyField(Collection, blank=True, related_name="resources")
    # Activities of kinds d) and đ) that introduce it (a session on open resources, a reading day ...).
    activities = models.ManyToManyField("activities.Activity", blank=True, related_name="library_resources")
    title = models.CharField(_("title"), max_length=500)
    creator = models.CharField(_("author"), max_length=300, blank=True)
    description = models.TextField(_("description"), blank=True)
    subjects = models.JSONField(_("subjects"), default=list, blank=True)
    publisher = models.CharField(_("publisher"), max_length=300, blank=True)
    language = models.CharField(_("language"), max_length=10, default="vi")
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    licence = models.CharField(_("licence"), max_length=30, choices=[(k, v[0]) for k, v in LICENCES.items()])
    url = models.URLField(_("address"), max_length=500, blank=True)
    # An uploaded file (never for "all rights reserved": those are linked only), with what its content is.
    file = models.FileField(upload_to="library/%Y/", blank=True, max_length=300)
    file_type = models.CharField(max_length=20, blank=True)  # pdf, epub, mp3, mp4, h5p, html5
    file_size = models.PositiveBigIntegerField(null=True, blank=True)
    # MOOCs: who runs the course and when it runs.
    provider = models.CharField(_("provider"), max_length=200, blank=True)
    starts_on = models.DateField(_("starts"), null=True, blank=True)
    ends_on = models.DateField(_("ends"), null=True, blank=True)
    search_key = models.CharField(max_length=1000, editable=False, db_index=True, default="")
    title_key = models.CharField(max_length=500, editable=False, default="")  # the folded title ranks first
    # The folded subjects between bars ("|ky nang so|nguoi cao tuoi|"), so that a subject is browsed exactly on
    # every database (JSON containment is PostgreSQL's only).
    subject_key = models.CharField(max_length=2100, editable=False, default="")
    # How often its public page was opened and its file downloaded (counted with F(), never lost to a race).
    views = models.PositiveIntegerField(default=0, editable=False)
    downloads = models.PositiveIntegerField(default=0, editable=False)
    audience = models.CharField(_("for whom"), max_length=200, blank=True)
    level = models.CharField(_("level"), max_length=100, blank=True)
    teaches = models.CharField(_("what it teaches"), max_length=300, blank=True)
    time_required_minutes = models.PositiveIntegerField(_("time required (minutes)"), null=True, blank=True)
    free = models.BooleanField(_("free of charge"), default=True)
    issued = models.DateField(_("date of the resource"), null=True, blank=True)
    published = models.BooleanField(_("public"), default=True)
    withdrawn_at = models.DateTimeField(null=True, blank=True)
    # A record harvested from another repository: where from, its identifier and datestamp there. Harvested
    # records are shown here and opened at their source, but not offered again by our own OAI-PMH endpoint.
    harvested_from = models.ForeignKey(HarvestSource, on_delete=models.PROTECT, null=True, blank=True,
                                       related_name="resources")
    source_identifier = models.CharField(max_length=500, blank=True)
    source_datestamp = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    # The OAI-PMH datestamp: set by every change, withdrawal included.
    modified_at = models.DateTimeField(db_index=True)

    class Meta:
        ordering = ["modified_at", "pk"]
        indexes = [models.Index(fields=["modified_at", "id"], name="resource_datestamp")]
        constraints = [models.UniqueConstraint(fields=["harvested_from", "source_identifier"],
                                               condition=models.Q(harvested_from__isnull=False),
                                               name="resource_harvested_once")]

    def __str__(self) -> str:
        return self.title

    def refresh_search_key(self) -> None:
        """The folded text searches match (lifelong.core.text.search_key), kept with every write."""
        self.title_key = search_key(self.title)[:500]
        self.subject_key = subject_key(self.subjects)
        self.search_key = search_key(" ".join([self.title, self.creator, " ".join(map(str, self.subjects)),
                                               self.teaches, self.description[:300]]))[:1000]

    @property
    def downloadable(self) -> bool:
        return bool(self.file) and self.licence != "all-rights-reserved"

    @property
    def licence_url(self) -> str:
        return LICENCES.get(self.licence, ("", ""))[1]
