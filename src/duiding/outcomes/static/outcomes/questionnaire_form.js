// The create form of a questionnaire: ticking a measurement plan also ticks the standard
// questions of its measure. Without JavaScript the form works the same, only without this help.
document.addEventListener("DOMContentLoaded", () => {
  const data = document.getElementById("plan-measures");
  if (!data) return;
  const measures = JSON.parse(data.textContent);
  document.querySelectorAll('input[name="measurement_plans"]').forEach((plan) => {
    plan.addEventListener("change", () => {
      const measure = measures[plan.value];
      if (!plan.checked || !measure) return;
      const box = document.querySelector(`input[name="measures"][value="${measure}"]`);
      if (box) box.checked = true;
    });
  });
});
