// Small helpers the Blazor components call (no inline scripts: the portal's CSP allows scripts from itself only).
window.aidPortal = {
  focus(id) {
    const el = document.getElementById(id);
    if (el) { el.scrollIntoView({ block: "center" }); el.focus(); }
  },
};

// Buttons marked data-print print the page (an onclick attribute would be an inline script).
document.addEventListener("click", (event) => {
  if (event.target instanceof Element && event.target.closest("[data-print]")) window.print();
});
