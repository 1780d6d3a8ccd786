// The API's docs (Swagger UI, served locally). "Try it out" works with a token (Authorize) or,
// when logged in, with the browser's session: unsafe methods then carry the CSRF token.
(function () {
  "use strict";
  var root = document.getElementById("swagger-ui");

  function csrfToken() {
    var match = document.cookie.match(/(?:^|;\s*)csrftoken=([^;]+)/);
    return match ? decodeURIComponent(match[1]) : "";
  }

  window.ui = SwaggerUIBundle({
    url: root.getAttribute("data-schema-url"),
    domNode: root,
    presets: [SwaggerUIBundle.presets.apis],
    layout: "BaseLayout",
    deepLinking: true,
    persistAuthorization: false,
    validatorUrl: null, // no badge from an outside validator: nothing leaves this server
    requestInterceptor: function (request) {
      if (request.method && request.method !== "GET") {
        request.headers["X-CSRFToken"] = csrfToken();
      }
      return request;
    },
  });
})();
