import type { FastifyInstance } from "fastify";
import { strToU8, type Zippable, zipSync } from "fflate";
import type { Session } from "./app.js";

/**
 * SCORM packages built in memory for the tests: a real SCO page that finds the runtime API in its
 * parent (1.2 `API` or 2004 `API_1484_11`), initializes, shows where it resumes, and offers
 * buttons that set location, suspend data, a score and the status, commit and terminate.
 */

export interface PackageOptions {
  version: "1.2" | "2004";
  /** 2004 edition in metadata/schemaversion ("CAM 1.3", "2004 3rd Edition", "2004 4th Edition"). */
  schemaVersion?: string;
  /** 1.2 adlcp:masteryscore (0–100) or 2004 minNormalizedMeasure (−1..1). */
  mastery?: number;
  title?: string;
  launch?: string;
  /** Extra files, or files replacing the defaults. */
  files?: Record<string, string | Uint8Array>;
  /** Replaces imsmanifest.xml (null leaves it out). */
  manifest?: string | null;
}

const SCO_SCRIPT = `(function () {
  function find(name) {
    var w = window;
    for (var i = 0; i < 10 && w; i++) {
      if (w[name]) return w[name];
      if (w === w.parent) break;
      w = w.parent;
    }
    return null;
  }
  var api2004 = find("API_1484_11");
  var api12 = api2004 ? null : find("API");
  var $ = function (id) { return document.getElementById(id); };
  function get(k12, k2004) { return api2004 ? api2004.GetValue(k2004) : api12.LMSGetValue(k12); }
  function set(k12, k2004, v) { return api2004 ? api2004.SetValue(k2004, v) : api12.LMSSetValue(k12, v); }
  function commit() { var ok = api2004 ? api2004.Commit("") : api12.LMSCommit(""); $("log").textContent = "Commit: " + ok; }
  if (!api2004 && !api12) { $("state").textContent = "API introuvable"; return; }
  var started = api2004 ? api2004.Initialize("") : api12.LMSInitialize("");
  var entry = get("cmi.core.entry", "cmi.entry");
  var location = get("cmi.core.lesson_location", "cmi.location");
  var suspend = get("cmi.suspend_data", "cmi.suspend_data");
  $("state").textContent = "Initialisé: " + started + " · entry: " + (entry || "(vide)") +
    " · location: " + (location || "(vide)") + " · suspend: " + (suspend || "(vide)");
  $("version").textContent = api2004 ? "SCORM 2004" : "SCORM 1.2";
  $("goto").onclick = function () {
    set("cmi.core.lesson_location", "cmi.location", "page-2");
    set("cmi.suspend_data", "cmi.suspend_data", "answers=a,b");
    if (api2004) set("", "cmi.completion_status", "incomplete"); else set("cmi.core.lesson_status", "", "incomplete");
    set("cmi.core.exit", "cmi.exit", "suspend");
    commit();
  };
  $("score").onclick = function () {
    var raw = $("raw").value;
    set("cmi.core.score.min", "cmi.score.min", "0");
    set("cmi.core.score.max", "cmi.score.max", "100");
    set("cmi.core.score.raw", "cmi.score.raw", raw);
    if (api2004) {
      set("", "cmi.score.scaled", String(Number(raw) / 100));
      set("", "cmi.completion_status", "completed");
    } else {
      set("cmi.core.lesson_status", "", "completed");
    }
    commit();
  };
  $("finish").onclick = function () {
    var ok = api2004 ? api2004.Terminate("") : api12.LMSFinish("");
    $("log").textContent = "Terminate: " + ok;
  };
})();
`;

const SCO_PAGE = `<!doctype html>
<html lang="fr"><head><meta charset="utf-8"><title>SCO de test</title></head>
<body>
<h1 id="version">SCO</h1>
<p id="state">Chargement…</p>
<button id="goto" type="button">Aller à la page 2</button>
<label>Score <input id="raw" value="85" size="4"></label>
<button id="score" type="button">Enregistrer le score</button>
<button id="finish" type="button">Terminer</button>
<p id="log"></p>
<script src="sco.js"></script>
</body></html>
`;

function manifest12(options: PackageOptions): string {
  const mastery = options.mastery === undefined ? "" : `<adlcp:masteryscore>${options.mastery}</adlcp:masteryscore>`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="test-12" version="1.0"
  xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"
  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2"
  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
  <metadata><schema>ADL SCORM</schema><schemaversion>1.2</schemaversion></metadata>
  <organizations default="org">
    <organization identifier="org">
      <title>${options.title ?? "Paquet de test 1.2"}</title>
      <item identifier="item-1" identifierref="res-1"><title>Leçon</title>${mastery}</item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="res-1" type="webcontent" adlcp:scormtype="sco" href="${options.launch ?? "index.html"}">
      <file href="${options.launch ?? "index.html"}"/><file href="sco.js"/>
    </resource>
  </resources>
</manifest>
`;
}

function manifest2004(options: PackageOptions): string {
  const sequencing =
    options.mastery === undefined
      ? ""
      : `<imsss:sequencing><imsss:objectives><imsss:primaryObjective objectiveID="main" satisfiedByMeasure="true"><imsss:minNormalizedMeasure>${options.mastery}</imsss:minNormalizedMeasure></imsss:primaryObjective></imsss:objectives></imsss:sequencing>`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="test-2004" version="1"
  xmlns="http://www.imsglobal.org/xsd/imscp_v1p1"
  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_v1p3"
  xmlns:adlseq="http://www.adlnet.org/xsd/adlseq_v1p3"
  xmlns:imsss="http://www.imsglobal.org/xsd/imsss">
  <metadata><schema>ADL SCORM</schema><schemaversion>${options.schemaVersion ?? "2004 4th Edition"}</schemaversion></metadata>
  <organizations default="org">
    <organization identifier="org">
      <title>${options.title ?? "Paquet de test 2004"}</title>
      <item identifier="item-1" identifierref="res-1"><title>Leçon</title>${sequencing}</item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="res-1" type="webcontent" adlcp:scormType="sco" href="${options.launch ?? "index.html"}">
      <file href="${options.launch ?? "index.html"}"/><file href="sco.js"/>
    </resource>
  </resources>
</manifest>
`;
}

/** The files of a package (before zipping). */
export function packageFiles(options: PackageOptions): Record<string, string | Uint8Array> {
  const files: Record<string, string | Uint8Array> = {
    [options.launch ?? "index.html"]: SCO_PAGE,
    "sco.js": SCO_SCRIPT,
  };
  if (options.manifest !== null) {
    files["imsmanifest.xml"] =
      options.manifest ?? (options.version === "1.2" ? manifest12(options) : manifest2004(options));
  }
  return { ...files, ...options.files };
}

/** A zip of the given files; an entry may carry zip attributes (e.g. a symlink's Unix mode). */
export function zipFiles(
  files: Record<
    string,
    | string
    | Uint8Array
    | { content: string | Uint8Array; os?: number; attrs?: number; level?: 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 }
  >,
): Uint8Array {
  const zippable: Zippable = {};
  for (const [name, value] of Object.entries(files)) {
    if (typeof value === "string" || value instanceof Uint8Array) {
      zippable[name] = [
        typeof value === "string" ? strToU8(value) : value,
        { level: 6, mtime: new Date("2025-01-01T00:00:00Z") },
      ];
    } else {
      const content = typeof value.content === "string" ? strToU8(value.content) : value.content;
      zippable[name] = [
        content,
        {
          level: value.level ?? 6,
          mtime: new Date("2025-01-01T00:00:00Z"),
          ...(value.os !== undefined ? { os: value.os } : {}),
          ...(value.attrs !== undefined ? { attrs: value.attrs } : {}),
        },
      ];
    }
  }
  return zipSync(zippable);
}

/** A valid SCORM package as a zip. */
export function buildPackage(options: PackageOptions): Uint8Array {
  return zipFiles(packageFiles(options));
}

/** The 1.2 and 2004 manifests alone, for tests that break them. */
export const manifests = { "1.2": manifest12, "2004": manifest2004 };

/** Uploads a package as the admin page does (multipart field `file`, with the CSRF header). */
export function uploadPackage(
  app: FastifyInstance,
  session: Session,
  lessonId: string,
  bytes: Uint8Array,
  fileName = "package.zip",
) {
  const boundary = `----tutora${Math.random().toString(16).slice(2)}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/zip\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return app.inject({
    method: "POST",
    url: `/api/admin/lessons/${lessonId}/scorm-package`,
    payload: Buffer.concat([head, Buffer.from(bytes), tail]),
    headers: {
      cookie: session.cookie,
      "x-csrf-token": session.csrfToken,
      "content-type": `multipart/form-data; boundary=${boundary}`,
    },
  });
}
