// The question form shows only the fields of the chosen question type
// (data-for-kinds on each field, from QuestionForm.FIELDS_BY_KIND). Without this script
// every field shows and the server ignores those that do not belong to the type.
(function () {
  "use strict";
  var kind = document.querySelector("[data-question-kind]");
  if (!kind) { return; }
  function update() {
    document.querySelectorAll("[data-for-kinds]").forEach(function (field) {
      var wrapper = document.getElementById("div_id_" + field.name) || field.parentElement;
      var kinds = field.getAttribute("data-for-kinds").split(" ");
      wrapper.hidden = kinds.indexOf(kind.value) === -1;
    });
  }
  kind.addEventListener("change", update);
  update();
})();
