// gongkai serve only: reloads the page after each successful rebuild and
// shows the errors of a failed one over the page (the last good site stays).
let version = null;
let overlay = null;

function showErrors(text) {
  if (!overlay) {
    overlay = document.createElement("div");
    overlay.id = "gongkai-errors";
    overlay.setAttribute("role", "alert");
    const s = overlay.style;
    s.position = "fixed";
    s.inset = "0";
    s.zIndex = "2147483647";
    s.overflow = "auto";
    s.background = "rgba(20, 20, 20, 0.94)";
    s.color = "#fff";
    s.padding = "1.5rem";
    s.font = "15px/1.5 monospace";
    s.whiteSpace = "pre-wrap";
    document.body.append(overlay);
  }
  // The text comes from gongkai in the run's language, with its heading.
  overlay.textContent = text;
}

async function poll() {
  for (;;) {
    try {
      const since = version === null ? "" : `?since=${version}`;
      const response = await fetch(`/__gongkai/wait${since}`, { cache: "no-store" });
      const status = await response.json();
      if (version !== null && status.version !== version && !status.error) {
        location.reload();
        return;
      }
      version = status.version;
      // Tests (and the curious) can see which build the page is following.
      document.documentElement.dataset.gongkaiBuild = String(version);
      if (status.error) {
        showErrors(status.error);
      } else if (overlay) {
        overlay.remove();
        overlay = null;
      }
    } catch {
      // The server is restarting or gone: try again shortly.
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  }
}

poll();
