"""The proposal review queue in the admin: an ingested source's findings as a worklist.

Each proposal shows its quote marked in its paragraph and, for a measure, the parks its draft will be linked to; a
curator accepts it (editing the proposed fields first if needed, and choosing the role in which it mentions the
policy it names) as a draft record, accepts many at once, or rejects it with a reason. A rejected or withheld
proposal may be reopened; a withheld one shows the earlier rejections of its finding. The list shows the progress.
"""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import OuterRef, Subquery
from django.db.models.fields.json import KT
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from measures import review
from measures.choices import Comparator, MentionRole, ProposalKind, ProposalState, TargetPeriod
from measures.ingest import queue
from measures.models import Park, Policy, Proposal, Source, paragraph_around


@admin.display(description=_("quote in its paragraph"))
def quote_in_paragraph(proposal):
    context = paragraph_around(proposal.source.text, proposal.quote, proposal.quote_offset, margin=120)
    if context is None:
        return "—"
    before, quote, after = context
    return format_html('<div style="max-width:50em">…{}<mark>{}</mark>{}…</div>', before, quote, after)


@admin.display(description=_("proposed"))
def proposed(proposal):
    data = proposal.data
    if proposal.kind == ProposalKind.MEASURE:
        if getattr(proposal, "policy_pk", None) is None:
            return data.get("title", "")
        url = reverse("admin:measures_policy_change", args=[proposal.policy_pk])
        return format_html(
            '{} <small>({} <a href="{}">{}</a>)</small>', data["title"], _("names"), url, proposal.policy_name
        )
    value = "–".join(str(part) for part in (data.get("value"), data.get("value_max")) if part is not None)
    return f"{data.get('indicator', '')} {value}{data.get('unit', '')} {data.get('target_year') or ''}".strip()


@admin.display(description=_("draft record"))
def draft_record(proposal):
    record = proposal.measure or proposal.target
    if record is None:
        return "—"
    url = reverse(f"admin:measures_{record._meta.model_name}_change", args=[record.pk])
    return format_html('<a href="{}">{}</a>', url, record)


@admin.display(description=_("rejected before"))
def rejected_before(proposal):
    """Where, by whom and why the same finding was rejected, so a curator can judge whether to reopen it."""
    rejections = queue.earlier_rejections(proposal)
    if not rejections:
        return "—"
    return format_html_join(
        mark_safe("<br>"),
        '<a href="{}">{}</a>: {} <small>({}, {})</small>',
        (
            (
                reverse("admin:measures_source_change", args=[other.source_id]),
                other.source.title,
                other.reason,
                other.reviewed_by or "—",
                timezone.localdate(other.reviewed_at).isoformat() if other.reviewed_at else "—",
            )
            for other in rejections
        ),
    )


@admin.display(description=_("parks to link"))
def parks_to_link(proposal):
    """The parks the draft measure will be linked to: those its quote names, else those the source's title names."""
    parks = Park.objects.filter(slug__in=proposal.data.get("parks", [])).order_by("name")
    return ", ".join(park.name for park in parks) or "—"


def names_a_policy(proposal):
    return proposal.kind == ProposalKind.MEASURE and bool(proposal.data.get("policy"))


class ProposalForm(forms.ModelForm):
    """The proposed fields, editable before accepting; the reason, for rejecting."""

    title = forms.CharField(label=_("title"), max_length=200, required=False)
    indicator = forms.CharField(label=_("indicator"), max_length=300, required=False)
    comparator = forms.ChoiceField(label=_("comparator"), choices=[("", "—"), *Comparator.choices], required=False)
    value = forms.DecimalField(label=_("value"), max_digits=20, decimal_places=4, required=False)
    value_max = forms.DecimalField(label=_("upper value"), max_digits=20, decimal_places=4, required=False)
    unit = forms.CharField(label=_("unit"), max_length=30, required=False)
    target_year = forms.IntegerField(label=_("target year"), required=False)
    period_type = forms.ChoiceField(label=_("period type"), choices=TargetPeriod.choices, required=False)
    policy_role = forms.ChoiceField(
        label=_("mentions the policy it names, as"),
        choices=[("", _("— not linked")), *MentionRole.choices],
        required=False,
        help_text=_("Accepting also links the draft measure to that policy, in this role, as a draft mention."),
    )

    class Meta:
        model = Proposal
        fields = ["reason"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        names = queue.fields_of(self.instance.kind)
        for name in {*queue.MEASURE_FIELDS, *queue.TARGET_FIELDS} - set(names):
            del self.fields[name]
        for name in names:
            self.fields[name].initial = self.instance.data.get(name)
        if not names_a_policy(self.instance):
            del self.fields["policy_role"]

    def edits(self):
        return {
            name: self.cleaned_data[name] for name in queue.fields_of(self.instance.kind) if name in self.cleaned_data
        }


class RejectionForm(forms.Form):
    reason = forms.CharField(label=_("reason for rejecting"), widget=forms.Textarea(attrs={"rows": 2}))


class RoleForm(forms.Form):
    policy_role = forms.ChoiceField(
        label=_("mentions the policy it names, as"), choices=[("", "—"), *MentionRole.choices]
    )


@admin.register(Proposal)
class ProposalAdmin(admin.ModelAdmin):
    """An ingested source's proposals as a worklist, filtered by source; accept or reject each, or many."""

    form = ProposalForm
    change_form_template = "admin/measures/decision_form.html"
    change_list_template = "admin/measures/proposal/change_list.html"
    list_display = ["kind", proposed, quote_in_paragraph, "state", draft_record]
    list_filter = [("source", admin.RelatedOnlyFieldListFilter), "state", "kind"]
    list_select_related = ["source", "measure", "target"]
    readonly_fields = [
        "source",
        "kind",
        quote_in_paragraph,
        proposed,
        "state",
        parks_to_link,
        rejected_before,
        draft_record,
        "reviewed_by",
        "reviewed_at",
    ]
    actions = ["accept_selected", "accept_linking_selected", "reject_selected", "reopen_selected"]

    def get_queryset(self, request):
        """With the registry's policy a measure proposal names (`data["policy"]`), looked up once per list."""
        named = Policy.objects.filter(slug=OuterRef("policy_slug"))
        return (
            super()
            .get_queryset(request)
            .annotate(policy_slug=KT("data__policy"))
            .annotate(policy_pk=Subquery(named.values("pk")[:1]), policy_name=Subquery(named.values("name")[:1]))
        )

    def get_fields(self, request, obj=None):
        """A pending proposal's proposed fields are editable before accepting; a decided one shows what was proposed,
        and who decided it when."""
        pending = obj is not None and obj.state == ProposalState.PENDING
        measure = obj is not None and obj.kind == ProposalKind.MEASURE
        return [
            "source",
            "kind",
            quote_in_paragraph,
            *(queue.fields_of(obj.kind) if pending else [proposed]),
            *([parks_to_link] if measure else []),
            *(["policy_role"] if pending and names_a_policy(obj) else []),
            "state",
            *([rejected_before] if obj is not None and obj.state == ProposalState.WITHHELD else []),
            *([] if pending else ["reviewed_by", "reviewed_at"]),
            draft_record,
            "reason",
        ]

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        allowed = review.has_model_perm(request.user, Source, "change")
        return allowed and (obj is None or obj.state == ProposalState.PENDING)

    def has_view_permission(self, request, obj=None):
        return review.has_model_perm(request.user, Source, "view")

    def changelist_view(self, request, extra_context=None):
        source_id = request.GET.get("source__id__exact")
        source = Source.objects.filter(pk=source_id).first() if source_id and source_id.isdigit() else None
        extra_context = dict(extra_context or {})
        if source is not None:
            extra_context["queue_source"] = source
            url = reverse("admin:measures_source_change", args=[source.pk])
            extra_context["queue_source_link"] = format_html('<a href="{}">{}</a>', url, source.title)
            extra_context["queue_progress"] = queue.progress(source)
        return super().changelist_view(request, extra_context)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        buttons = [("_accept", _("Accept as a draft")), ("_reject", _("Reject with the reason above"))]
        extra_context = {**(extra_context or {}), "decision_buttons": buttons}
        return super().change_view(request, object_id, form_url, extra_context)

    def save_model(self, request, obj, form, change):
        """Accept (with the edits) or reject (with the reason), by the button pressed; never a plain save."""
        try:
            if "_accept" in request.POST:
                queue.accept(request.user, obj, form.edits(), form.cleaned_data.get("policy_role", ""))
            elif "_reject" in request.POST:
                queue.reject(request.user, obj, form.cleaned_data.get("reason", ""))
        except (PermissionDenied, ValidationError) as error:
            request.queue_error = "; ".join(getattr(error, "messages", [str(error)]))

    def response_change(self, request, obj):
        error = getattr(request, "queue_error", None)
        if error:
            self.message_user(request, error, messages.ERROR)
            return HttpResponseRedirect(request.path)
        obj.refresh_from_db()
        self.message_user(request, _("The proposal is %(state)s.") % {"state": obj.get_state_display()})
        url = reverse("admin:measures_proposal_changelist")
        return HttpResponseRedirect(f"{url}?source__id__exact={obj.source_id}&state__exact=pending")

    @admin.action(description=_("Accept selected as drafts"), permissions=["change"])
    def accept_selected(self, request, queryset, policy_role=""):
        """Accepts every selected pending proposal; with a `policy_role`, each draft measure also mentions the
        policy its proposal names, in that role."""
        accepted, refused = 0, []
        for proposal in queryset.filter(state=ProposalState.PENDING):
            try:
                queue.accept(request.user, proposal, None, policy_role if names_a_policy(proposal) else "")
                accepted += 1
            except (PermissionDenied, ValidationError) as error:
                refused.append(f"{proposal}: {'; '.join(getattr(error, 'messages', [str(error)]))}")
        self.message_user(
            request,
            ngettext("%(count)d proposal accepted as a draft.", "%(count)d proposals accepted as drafts.", accepted)
            % {"count": accepted},
        )
        for message in refused:
            self.message_user(request, message, messages.ERROR)

    @admin.action(description=_("Accept selected as drafts, linking the policies they name"), permissions=["change"])
    def accept_linking_selected(self, request, queryset):
        """Asks for the role first, then accepts as `accept_selected` does, linking each named policy in it."""
        pending = queryset.filter(state=ProposalState.PENDING)
        if not any(names_a_policy(proposal) for proposal in pending):
            self.message_user(request, _("None of the selected pending proposals names a policy."), messages.WARNING)
            return None
        form = RoleForm(request.POST if "policy_role" in request.POST else None)
        if form.is_valid():
            return self.accept_selected(request, queryset, form.cleaned_data["policy_role"])
        prompt = _("Accept these proposals as drafts; each draft measure mentions the policy its proposal names:")
        return self.ask(request, queryset, form, "accept_linking_selected", _("Accept proposals"), prompt, _("Accept"))

    @admin.action(description=_("Reject selected"), permissions=["change"])
    def reject_selected(self, request, queryset):
        """Asks for the reason first, then rejects every selected pending proposal with it."""
        pending = list(queryset.filter(state=ProposalState.PENDING))
        if not pending:
            self.message_user(request, _("None of the selected proposals is pending."), messages.WARNING)
            return None
        form = RejectionForm(request.POST if "reason" in request.POST else None)
        if form.is_valid():
            for proposal in pending:
                queue.reject(request.user, proposal, form.cleaned_data["reason"])
            self.message_user(
                request,
                ngettext("%(count)d proposal rejected.", "%(count)d proposals rejected.", len(pending))
                % {"count": len(pending)},
            )
            return None
        prompt = _("Reject these proposals; the reason is kept so they are not offered again:")
        return self.ask(request, queryset, form, "reject_selected", _("Reject proposals"), prompt, _("Reject"))

    def ask(self, request, queryset, form, action, title, prompt, button):
        """The page `action` asks its question on (`form`) before it acts on the selected proposals."""
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "form": form,
            "proposals": queryset.filter(state=ProposalState.PENDING),
            "action": action,
            "prompt": prompt,
            "button": button,
            "title": title,
        }
        return TemplateResponse(request, "admin/measures/proposal/ask.html", context)

    @admin.action(description=_("Reopen selected (rejected or withheld)"), permissions=["change"])
    def reopen_selected(self, request, queryset):
        closed = list(queryset.filter(state__in=(ProposalState.REJECTED, ProposalState.WITHHELD)))
        for proposal in closed:
            queue.reopen(request.user, proposal)
        self.message_user(
            request,
            ngettext("%(count)d proposal reopened.", "%(count)d proposals reopened.", len(closed))
            % {"count": len(closed)},
        )
