"""Measurement plans (seed 003 step 5, planning; appendix 6): per activity which outcome is
measured, how, how often, from whom and what to keep in mind — one `MeasurementPlan` row each.

- `services.py`: the writes (`measurement_save`, `measurement_delete`) and `measure_label`;
- `forms.py`: the form of one row;
- `permissions.py`: who writes them — the same rule as the rest of an activity's plan
  (`activities.plan.permissions.can_edit_activity_plan`: the programme's editors and the members
  of the activity's partner organisation); everybody who sees the programme reads them;
- `plan.py`: how they join the plan van aanpak of `activities` (its page, the partner page, the
  Excel export, the history with restore, the activity's delete confirmation), registered in
  `OutcomesConfig.ready` through `activities.extensions`;
- the pages: `outcomes/views/measurement_plans.py`.

The vocabulary (Measure, FromWhom, the scales of appendix 9) is in `outcomes/measures.py`.
"""
