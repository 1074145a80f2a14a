from django.conf import settings


def municipality(request):
    """The municipality's name and contact details, shown in the layout and on every form."""
    return {"MUNICIPALITY": settings.MUNICIPALITY}
