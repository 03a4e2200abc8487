"""Activities, interventions, plan van aanpak, quality agreements and measurement plans."""
