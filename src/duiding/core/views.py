def health(request):
    from django.http import JsonResponse

    return JsonResponse({"status": "ok"})
