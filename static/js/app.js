// Small behaviours that templates ask for with data- attributes. The Content-Security-Policy
// (config/settings.py) refuses inline scripts and on...= handlers, so they live here, loaded with
// defer by templates/base.html. Listeners are on the document, so content swapped in by htmx works too.
//
//   <select data-autosubmit>   submits its form as soon as another option is chosen
//                              (keep a <noscript> submit button next to it).
(function () {
  "use strict";
  document.addEventListener("change", function (event) {
    var field = event.target;
    if (!(field instanceof HTMLSelectElement) || !field.hasAttribute("data-autosubmit") || !field.form) return;
    if (field.form.requestSubmit) {
      field.form.requestSubmit(); // fires "submit", so htmx and validation see it like a click
    } else {
      field.form.submit();
    }
  });
})();
