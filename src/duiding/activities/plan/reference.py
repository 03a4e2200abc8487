"""Reference texts of the plan van aanpak, copied from seed 003 (Wijkprogrammering Rotterdam).

- QUALITY_QUESTIONS: step 4 "Kwaliteit input". The first five are the topics the gebiedsadviseur
  raises with a partner ("Deze onderwerpen kun je o.a. aan de orde stellen"); the sixth is the
  first question the plan van aanpak answers ("Denk na over onderstaande vragen"); the other two
  questions there (the next step and its timeline) are fields of the quality agreement itself.
- The column headings of the seed's step 3 table (appendix 6, "Plan van aanpak
  Wijkprogrammering"). Step 5 (the measurement plans, their columns and the scales of appendix 9)
  lives in `outcomes` (outcomes/measures.py).
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

# (key, question). Keys are stored in QualityAgreement.checklist; never renumber them.
QUALITY_QUESTIONS: list[tuple[str, str]] = [
    (
        "effectiviteit",
        _(
            "Hebben de voorzieningen zicht op de effectiviteit van hun interventies en methoden? "
            "En hebben zij zicht op wat werkt voor welke doelgroep?"
        ),
    ),
    (
        "scholing",
        _(
            "Worden de professionals voldoende geschoold? Investeert de partner in de wijk in "
            "vakbekwaamheid van de professionals?"
        ),
    ),
    (
        "competentie",
        _(
            "Sluit de kennis en competentie van de professional aan bij het uit te voeren aanbod "
            "of activiteit?"
        ),
    ),
    (
        "lerende_organisatie",
        _(
            "Hoe zorgt de partner in de wijk/aanbieder ervoor dat professionals ruimte krijgen om "
            "te experimenteren, delen, leren en reflecteren? (lerende organisatie)"
        ),
    ),
    (
        "beroepsregistratie",
        _(
            "Heeft de partner in de wijk/aanbieder de beroepsregistratie van zijn/haar "
            "professionals op orde?"
        ),
    ),
    (
        "stand_van_zaken",
        _("Hoe laat de partner zien wat de stand van zaken is m.b.t. de interventie/ het aanbod?"),
    ),
]
QUALITY_KEYS = [key for key, _q in QUALITY_QUESTIONS]

# Appendix 6, step 3: "Wie voert de activiteit uit? | Voor welke doelgroep is de activiteit? |
# Met welk bereik?"
ACTIVITY_COLUMNS = [
    _("Wie voert de activiteit uit?"),
    _("Voor welke doelgroep is de activiteit?"),
    _("Met welk bereik?"),
]
