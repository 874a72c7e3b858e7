// Served by the api in place of the swagger-ui webjar's own (DocsRoutes). The document's address
// is taken relative to this page, so Swagger UI also works where a proxy serves the api under a
// path prefix (OpenApiIT, ForwardedOriginIT).
window.onload = function () {
  window.ui = SwaggerUIBundle({
    url: new URL("../openapi.json", window.location.href).href,
    dom_id: "#swagger-ui",
    deepLinking: true,
    presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset],
    plugins: [SwaggerUIBundle.plugins.DownloadUrl],
    layout: "StandaloneLayout",
    validatorUrl: null
  });
};
