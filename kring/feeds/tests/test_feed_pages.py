from django.urls import reverse


def test_home_feed_returns_visible_posts_only_if_outsider(world, client_for):
    response = client_for(world.outsider).get(reverse("feeds:home"))
    assert response.status_code == 200
    body = response.content.decode()
    assert "Tekst voor iedereen" in body
    assert "Geheime tekst van de open groep" in body
    assert "Geheime tekst van de closed groep" not in body
    assert "Geheime tekst van de secret groep" not in body


def test_home_feed_fails_if_anonymous(client_for):
    response = client_for(None).get(reverse("feeds:home"))
    assert response.status_code == 302
