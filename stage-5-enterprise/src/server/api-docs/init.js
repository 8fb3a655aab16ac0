// The interactive reference of /api/v1, from the document the server generates.
window.ui = SwaggerUIBundle({
  url: '/api/v1/openapi.json',
  dom_id: '#swagger-ui',
  deepLinking: true,
  // The key typed into "Authorize" stays in this tab's memory: not written to localStorage.
  persistAuthorization: false,
});
