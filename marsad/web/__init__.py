"""The Arabic web interface, served by the API's app (`marsad.web.routes.install_web`)."""
