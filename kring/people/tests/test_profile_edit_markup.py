from django.urls import reverse


def test_profile_edit_fails_if_name_has_event_handler_and_keeps_input(world, client_for):
    payload = '<img src=x onerror="alert(1)">'
    response = client_for(world.member).post(
        reverse("people:edit"),
        {"first_name": payload, "last_name": "Jansen", "job_title": "Adviseur", "language": "nl"},
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;" in page
    assert 'aria-invalid="true"' in page
    world.member.refresh_from_db()
    assert world.member.first_name == "Bram"
