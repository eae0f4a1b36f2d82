from django.http import HttpResponse


def _todo(request, *args, **kwargs):
    return HttpResponse("todo")


group_list = group_create = group_detail = _todo
