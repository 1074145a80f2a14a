// Moderation forms: move keyboard focus to the screening warning when it is shown, so
// screen-reader and keyboard users meet it first (progressive enhancement only).
document.addEventListener("DOMContentLoaded", function () {
  var warning = document.querySelector(".screening-warning");
  if (warning) {
    warning.focus();
  }
});
