from django.contrib import admin

from duiding.areas.models import Area, LevelName


@admin.register(Area)
class AreaAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "level", "parent", "municipality"]
    list_filter = ["level"]
    search_fields = ["code", "name"]
    raw_id_fields = ["parent", "municipality"]
    exclude = ["boundary"]


@admin.register(LevelName)
class LevelNameAdmin(admin.ModelAdmin):
    list_display = ["municipality", "level", "singular", "plural"]
