"""URLs of the programmes app: each views module owns its own list of routes."""

from duiding.programmes.consultation.views import pages as consultation
from duiding.programmes.views import exports, workspace

app_name = "programmes"

urlpatterns = workspace.urlpatterns + consultation.urlpatterns + exports.urlpatterns
