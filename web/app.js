// popdruk's page: upload, check, build and progress, all against this server only.
"use strict";
(function () {
  const body = document.body;
  const token = body.dataset.token;
  const lang = body.dataset.lang;
  const $ = (id) => document.getElementById(id);
  const q = (extra) => "?t=" + encodeURIComponent(token) + "&lang=" + lang + (extra || "");
  const dateValue = () => encodeURIComponent($("date").value);

  function showCheck(html, ok) {
    const check = $("check");
    if (ok) {
      check.innerHTML = html;
    } else {
      check.innerHTML = html.indexOf("<div") === 0 ? html : "";
      if (!check.innerHTML) {
        const p = document.createElement("p");
        p.className = "refused";
        p.setAttribute("role", "alert");
        p.textContent = html;
        check.appendChild(p);
      }
    }
    const list = document.getElementById("people-list");
    $("people").innerHTML = list ? list.innerHTML : "";
    $("recheck").disabled = false;
    $("intro").open = false;
  }

  async function upload(file) {
    $("check").textContent = body.dataset.loading;
    const response = await fetch(
      "/upload" + q("&name=" + encodeURIComponent(file.name) + "&date=" + dateValue()),
      { method: "POST", body: file }
    );
    showCheck(await response.text(), response.ok);
  }

  async function recheck() {
    const response = await fetch("/check" + q("&date=" + dateValue()));
    showCheck(await response.text(), response.ok);
  }

  $("file").addEventListener("change", (e) => {
    if (e.target.files.length) upload(e.target.files[0]);
  });
  const drop = $("drop");
  drop.addEventListener("dragover", (e) => { e.preventDefault(); drop.classList.add("over"); });
  drop.addEventListener("dragleave", () => drop.classList.remove("over"));
  drop.addEventListener("drop", (e) => {
    e.preventDefault();
    drop.classList.remove("over");
    if (e.dataTransfer.files.length) upload(e.dataTransfer.files[0]);
  });
  $("recheck").addEventListener("click", recheck);

  // The workbook named on the command line: check again when it is saved.
  if (body.dataset.given) {
    let last = null;
    setInterval(async () => {
      const response = await fetch("/stamp" + q());
      const stamp = await response.text();
      if (last !== null && stamp !== last) recheck();
      last = stamp;
    }, 1500);
  }

  const list = document.getElementById("people-list");
  if (list) $("people").innerHTML = list.innerHTML;

  async function poll() {
    const response = await fetch("/progress" + q());
    $("result").innerHTML = await response.text();
    const running = $("result").querySelector("[data-running=true]");
    if (running) {
      setTimeout(poll, 300);
    } else {
      $("make").disabled = false;
      const zip = $("zip");
      if (zip) zip.focus();
    }
  }

  $("build-form").addEventListener("submit", async (e) => {
    e.preventDefault();
    const form = new URLSearchParams(new FormData(e.target));
    $("make").disabled = true;
    $("result").textContent = body.dataset.building;
    const response = await fetch("/build" + q(), {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: form,
    });
    if (!response.ok) {
      const p = document.createElement("p");
      p.className = "refused";
      p.setAttribute("role", "alert");
      p.textContent = await response.text();
      $("result").replaceChildren(p);
      $("make").disabled = false;
      return;
    }
    $("result").innerHTML = await response.text();
    poll();
  });

  $("result").addEventListener("click", (e) => {
    if (e.target.id === "open-folder") fetch("/open-folder" + q(), { method: "POST" });
  });
})();
