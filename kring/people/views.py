from django.http import HttpResponse


def _todo(request, *args, **kwargs):
    return HttpResponse("todo")


people_list = invite = person_detail = person_photo = profile_edit = invitation_accept = _todo
