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

  // A folder of CSV files (chosen or dropped) goes as one zip, stored, as the server
  // reads a zip of CSV files.
  const table = new Uint32Array(256).map((_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  function crc32(bytes) {
    let c = 0xffffffff;
    for (let i = 0; i < bytes.length; i++) c = table[(c ^ bytes[i]) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  }
  async function zipOf(files, name) {
    const parts = [];
    const central = [];
    let offset = 0;
    for (const file of files) {
      const data = new Uint8Array(await file.arrayBuffer());
      const path = new TextEncoder().encode(file.name);
      const crc = crc32(data);
      const head = (signature, extra) => {
        const h = new DataView(new ArrayBuffer(extra ? 46 : 30));
        let at = 0;
        const u32 = (v) => { h.setUint32(at, v, true); at += 4; };
        const u16 = (v) => { h.setUint16(at, v, true); at += 2; };
        u32(signature);
        if (extra) u16(20);
        u16(20); u16(0x0800); u16(0); u16(0); u16(0x21);
        u32(crc); u32(data.length); u32(data.length);
        u16(path.length); u16(0);
        if (extra) { u16(0); u16(0); u16(0); u32(0); u32(offset); }
        return new Uint8Array(h.buffer);
      };
      const local = head(0x04034b50, false);
      central.push(head(0x02014b50, true), path);
      parts.push(local, path, data);
      offset += local.length + path.length + data.length;
    }
    const size = central.reduce((n, p) => n + p.length, 0);
    const end = new DataView(new ArrayBuffer(22));
    end.setUint32(0, 0x06054b50, true);
    end.setUint16(8, files.length, true);
    end.setUint16(10, files.length, true);
    end.setUint32(12, size, true);
    end.setUint32(16, offset, true);
    return new File([...parts, ...central, new Uint8Array(end.buffer)], name + ".zip");
  }
  async function uploadCsv(files, name) {
    const csv = files.filter((f) => f.name.toLowerCase().endsWith(".csv"));
    upload(csv.length ? await zipOf(csv, name || "werkmap") : files[0]);
  }
  // The files of a dropped folder.
  function filesIn(entry) {
    return new Promise((resolve) => {
      if (entry.isFile) {
        entry.file((f) => resolve([f]), () => resolve([]));
        return;
      }
      const reader = entry.createReader();
      const all = [];
      const more = () => reader.readEntries(async (entries) => {
        if (!entries.length) {
          const nested = await Promise.all(all.map(filesIn));
          resolve(nested.flat());
          return;
        }
        all.push(...entries);
        more();
      }, () => resolve([]));
      more();
    });
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
  drop.addEventListener("drop", async (e) => {
    e.preventDefault();
    drop.classList.remove("over");
    const items = [...(e.dataTransfer.items || [])];
    const entry = items.length === 1 && items[0].webkitGetAsEntry && items[0].webkitGetAsEntry();
    if (entry && entry.isDirectory) {
      uploadCsv(await filesIn(entry), entry.name);
    } else if (e.dataTransfer.files.length > 1) {
      uploadCsv([...e.dataTransfer.files], "werkmap");
    } else if (e.dataTransfer.files.length) {
      upload(e.dataTransfer.files[0]);
    }
  });
  $("folder").addEventListener("change", (e) => {
    const files = [...e.target.files];
    if (!files.length) return;
    const first = files[0].webkitRelativePath || "";
    uploadCsv(files, first.split("/")[0] || "werkmap");
  });
  $("recheck").addEventListener("click", recheck);

  // The workbook named on the command line: check again when it is saved.
  if (body.dataset.given) {
    // Compared with the save the page was made from, so a save right after opening counts.
    let last = body.dataset.stamp;
    setInterval(async () => {
      const response = await fetch("/stamp" + q());
      const stamp = await response.text();
      if (stamp !== last) recheck();
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
