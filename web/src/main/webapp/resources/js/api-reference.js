// The API reference page: Swagger UI from the swagger-ui webjar (served by this server, no CDN),
// reading the OpenAPI document the server generates. Loaded with the page's CSP nonce.
window.addEventListener('load', function () {
  var root = document.getElementById('swagger-ui');
  if (!root || typeof SwaggerUIBundle !== 'function') {
    return;
  }
  SwaggerUIBundle({
    url: root.getAttribute('data-spec'),
    dom_id: '#swagger-ui',
    deepLinking: false,
    defaultModelsExpandDepth: 0
  });
});
