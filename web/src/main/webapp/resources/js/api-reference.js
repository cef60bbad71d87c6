// The API reference page: Swagger UI from the swagger-ui webjar (served by this server, no CDN),
// reading the OpenAPI document the server generates. Loaded with the page's CSP nonce.
(function () {
  function start() {
    var root = document.getElementById('swagger-ui');
    if (!root) {
      return;
    }
    try {
      SwaggerUIBundle({
        url: root.getAttribute('data-spec'),
        dom_id: '#swagger-ui',
        deepLinking: false,
        defaultModelsExpandDepth: 0
      });
    } catch (e) {
      window.kretanoteSwaggerError = String(e);
    }
  }
  if (document.readyState === 'complete') {
    start();
  } else {
    window.addEventListener('load', start);
  }
})();
