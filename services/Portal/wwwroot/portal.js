// Small helpers the Blazor components call (no inline scripts: the portal's CSP allows scripts from itself only).
window.aidPortal = {
  focus(id) {
    const el = document.getElementById(id);
    if (el) { el.scrollIntoView({ block: "center" }); el.focus(); }
  },
};
