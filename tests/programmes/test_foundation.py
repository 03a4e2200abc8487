"""The analysis backbone: sections per framework part, optimistic lock, history, cross-domain
factors (the seed's "totaalbeeld" example: armoede beneath startkwalificatie, spijbelen and an
unsafe wijk comes to the top)."""

import pytest

from duiding.areas.models import Area, Level
from duiding.frameworks.models import Domain, Framework
from duiding.programmes.models import AnalysisSection, SectionFactor
from duiding.programmes.selectors import programme_analysis
from duiding.programmes.services import EditConflict, SectionText, programme_create, section_save
from tests.programmes.conftest import make_factor


@pytest.fixture
def programme(rotterdam, municipality_org, adviseur, partner_org):
    area = Area.objects.create(
        code="WK059910", name="Feijenoord", level=Level.DISTRICT, parent=rotterdam
    )
    return programme_create(
        user=adviseur,
        name="Wijkprogramma Feijenoord 2025–2026",
        area=area,
        framework=Framework.objects.get(is_default=True),
        organisation=municipality_org,
        owner=adviseur,
        start_year=2025,
        end_year=2026,
        partners=[partner_org],
    )


def test_sections_follow_the_framework(programme):
    kinds = list(programme.sections.values_list("kind", flat=True))
    assert kinds.count("domain") == 9
    assert kinds.count("pillar") == 3
    assert kinds.count("overall") == 1 and kinds.count("qualitative") == 1


def test_second_save_from_an_old_version_is_refused(programme, adviseur, beheerder):
    section = programme.sections.get(kind="overall")
    section_save(
        section, user=adviseur, based_on_version=0, text=SectionText("Eerste tekst", "", "concept")
    )
    with pytest.raises(EditConflict) as caught:
        section_save(
            section, user=beheerder, based_on_version=0, text=SectionText("Andere", "", "concept")
        )
    assert caught.value.current.analysis == "Eerste tekst"
    section.refresh_from_db()
    assert section.analysis == "Eerste tekst"
    assert [v.content["analysis"] for v in section.versions.all()] == ["Eerste tekst"]


def test_totaalbeeld_brings_armoede_to_the_top(programme, adviseur):
    framework = programme.framework
    armoede = make_factor(framework=framework, name="Armoede", kind="risk")
    ses = make_factor(framework=framework, name="Sociaal economische status", kind="both", rank=2)
    school = Domain.objects.get(pillar__framework=framework, name="Schoolprestaties")
    wijk = Domain.objects.get(pillar__framework=framework, name="Veilige wijk en schoolomgeving")
    for domain, factors in ((school, [armoede, ses]), (wijk, [armoede])):
        section = programme.sections.get(kind=AnalysisSection.Kind.DOMAIN, domain=domain)
        for f in factors:
            SectionFactor.objects.create(section=section, factor=f)
    analysis = programme_analysis(programme, adviseur)
    top = analysis.cross_factors[0]
    assert top.factor == armoede and [d.name for d in top.domains] == [school.name, wijk.name]
    assert analysis.cross_factors[1].factor == ses
    assert len(analysis.summary) == 9 and len(analysis.ambitions) == 9
