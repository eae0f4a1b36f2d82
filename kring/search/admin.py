from django.contrib import admin

from kring.search.models import Synonym


@admin.register(Synonym)
class SynonymAdmin(admin.ModelAdmin):
    list_display = ["phrases"]
    search_fields = ["phrases"]
