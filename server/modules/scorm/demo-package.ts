import { sql } from "drizzle-orm";
import { strToU8, zipSync } from "fflate";
import type { Db } from "../../db/client.js";
import { storePackage } from "./service.js";

/**
 * The demo's SCORM 2004 (4th edition) package: a short French module, "L'avant-vente en trois
 * étapes", driven by buttons. It calls the runtime as real content does: Initialize, resumes at
 * cmi.location with its cmi.suspend_data, saves its page and answer at each step (Commit), scores
 * a question (score, completion and success status), and Terminate. Its pass mark is 80 %.
 */

const MANIFEST = `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="tutora-demo-avant-vente" version="1"
  xmlns="http://www.imsglobal.org/xsd/imscp_v1p1"
  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_v1p3"
  xmlns:adlseq="http://www.adlnet.org/xsd/adlseq_v1p3"
  xmlns:imsss="http://www.imsglobal.org/xsd/imsss">
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>2004 4th Edition</schemaversion>
  </metadata>
  <organizations default="avant-vente">
    <organization identifier="avant-vente">
      <title>L'avant-vente en trois étapes</title>
      <item identifier="module" identifierref="module-sco">
        <title>L'avant-vente en trois étapes</title>
        <imsss:sequencing>
          <imsss:objectives>
            <imsss:primaryObjective objectiveID="maitrise" satisfiedByMeasure="true">
              <imsss:minNormalizedMeasure>0.8</imsss:minNormalizedMeasure>
            </imsss:primaryObjective>
          </imsss:objectives>
        </imsss:sequencing>
      </item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="module-sco" type="webcontent" adlcp:scormType="sco" href="index.html">
      <file href="index.html"/>
      <file href="module.js"/>
      <file href="module.css"/>
    </resource>
  </resources>
</manifest>
`;

const PAGE = `<!doctype html>
<html lang="fr">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>L'avant-vente en trois étapes</title>
  <link rel="stylesheet" href="module.css">
</head>
<body>
  <main>
    <p class="kicker">Module e-learning · SCORM 2004</p>
    <p id="resume" class="notice" hidden></p>
    <section data-page="1">
      <h1>L'avant-vente en trois étapes</h1>
      <p>Une vente réussie se prépare bien avant le rendez-vous. Ce module présente les trois étapes de l'avant-vente, puis vérifie ce que vous en avez retenu avec une question.</p>
      <p>Durée : 5 minutes. Vous pouvez quitter à tout moment : vous reprendrez là où vous en étiez.</p>
    </section>
    <section data-page="2" hidden>
      <h1>Étape 1 : préparer</h1>
      <p>Fixez l'objectif du rendez-vous : ce que le client doit avoir compris ou décidé à la fin de l'entretien.</p>
      <p>Rassemblez la fiche client, l'historique des échanges et les offres en cours.</p>
    </section>
    <section data-page="3" hidden>
      <h1>Étapes 2 et 3 : découvrir, puis proposer</h1>
      <p><strong>Découvrir</strong> : questionnez la situation actuelle, les besoins, les critères de décision, le calendrier et le budget.</p>
      <p><strong>Proposer</strong> : reformulez le besoin, puis présentez la solution qui y répond, preuves à l'appui.</p>
    </section>
    <section data-page="4" hidden>
      <h1>Question</h1>
      <fieldset>
        <legend>Quelle est la première étape de l'avant-vente ?</legend>
        <label><input type="radio" name="answer" value="proposer"> Proposer une offre</label>
        <label><input type="radio" name="answer" value="preparer"> Préparer le rendez-vous</label>
        <label><input type="radio" name="answer" value="conclure"> Conclure la vente</label>
      </fieldset>
      <button type="button" id="check">Valider ma réponse</button>
      <p id="result" class="notice" role="status" hidden></p>
    </section>
    <nav>
      <button type="button" id="previous">Précédent</button>
      <span id="position" aria-live="polite"></span>
      <button type="button" id="next">Suivant</button>
      <button type="button" id="finish" class="primary">Terminer le module</button>
    </nav>
    <p id="saved" class="saved" role="status"></p>
  </main>
  <script src="module.js"></script>
</body>
</html>
`;

const STYLE = `body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; margin: 0; color: #1f1f1f; background: #f6f8fb; }
main { max-width: 720px; margin: 0 auto; padding: 24px; }
.kicker { color: #4a5568; font-size: 13px; margin: 0 0 8px; }
h1 { font-size: 24px; margin: 0 0 12px; }
section { background: #fff; border: 1px solid #d9dee7; border-radius: 8px; padding: 20px; line-height: 1.55; }
fieldset { border: none; padding: 0; margin: 0 0 12px; }
legend { font-weight: 600; margin-bottom: 8px; }
label { display: block; padding: 6px 0; }
nav { display: flex; align-items: center; gap: 8px; margin-top: 16px; flex-wrap: wrap; }
button { font: inherit; padding: 6px 14px; border-radius: 6px; border: 1px solid #b8c0cc; background: #fff; cursor: pointer; }
button.primary, #check { background: #1d4ed8; border-color: #1d4ed8; color: #fff; }
button:disabled { opacity: 0.5; cursor: default; }
.notice { background: #eef4ff; border: 1px solid #b9cdfa; border-radius: 6px; padding: 8px 12px; }
.saved { color: #4a5568; font-size: 13px; min-height: 1.5em; }
#position { color: #4a5568; margin: 0 auto 0 4px; }
`;

const SCRIPT = `(function () {
  var LAST = 4;
  function findApi() {
    var w = window;
    for (var i = 0; i < 10 && w; i++) {
      if (w.API_1484_11) return w.API_1484_11;
      if (w === w.parent) break;
      w = w.parent;
    }
    return null;
  }
  var api = findApi();
  var $ = function (id) { return document.getElementById(id); };
  var state = { page: 1, answer: "" };

  function save(message) {
    if (!api) return;
    api.SetValue("cmi.location", String(state.page));
    api.SetValue("cmi.suspend_data", JSON.stringify(state));
    api.SetValue("cmi.exit", "suspend");
    api.SetValue("cmi.progress_measure", String(state.page / LAST));
    var ok = api.Commit("");
    $("saved").textContent = ok === "true" ? message : "Enregistrement impossible : " + api.GetLastError();
  }

  function show(page) {
    state.page = page;
    var sections = document.querySelectorAll("section");
    for (var i = 0; i < sections.length; i++) sections[i].hidden = Number(sections[i].getAttribute("data-page")) !== page;
    $("previous").disabled = page === 1;
    $("next").disabled = page === LAST;
    $("position").textContent = "Page " + page + " sur " + LAST;
  }

  function go(page) {
    show(page);
    save("Progression enregistrée (page " + page + ").");
  }

  if (!api) {
    $("saved").textContent = "Ce module doit être ouvert depuis la plateforme pour enregistrer votre progression.";
  } else {
    api.Initialize("");
    if (api.GetValue("cmi.entry") === "resume") {
      try { state = JSON.parse(api.GetValue("cmi.suspend_data")) || state; } catch (e) { state = { page: 1, answer: "" }; }
      var location = Number(api.GetValue("cmi.location")) || state.page || 1;
      state.page = location;
      $("resume").hidden = false;
      $("resume").textContent = "Vous reprenez à la page " + location + ".";
    } else {
      api.SetValue("cmi.completion_status", "incomplete");
    }
  }
  show(state.page || 1);
  if (state.answer) {
    var previous = document.querySelector('input[value="' + state.answer + '"]');
    if (previous) previous.checked = true;
  }

  $("previous").onclick = function () { if (state.page > 1) go(state.page - 1); };
  $("next").onclick = function () { if (state.page < LAST) go(state.page + 1); };
  $("check").onclick = function () {
    var chosen = document.querySelector('input[name="answer"]:checked');
    if (!chosen) { $("result").hidden = false; $("result").textContent = "Choisissez une réponse."; return; }
    state.answer = chosen.value;
    var right = chosen.value === "preparer";
    if (api) {
      api.SetValue("cmi.score.min", "0");
      api.SetValue("cmi.score.max", "100");
      api.SetValue("cmi.score.raw", right ? "100" : "0");
      api.SetValue("cmi.score.scaled", right ? "1" : "0");
      api.SetValue("cmi.interactions.0.id", "premiere-etape");
      api.SetValue("cmi.interactions.0.type", "choice");
      api.SetValue("cmi.interactions.0.learner_response", chosen.value);
      api.SetValue("cmi.interactions.0.result", right ? "correct" : "incorrect");
      api.SetValue("cmi.completion_status", "completed");
      api.SetValue("cmi.success_status", right ? "passed" : "failed");
    }
    $("result").hidden = false;
    $("result").textContent = right
      ? "Bonne réponse : tout commence par la préparation. Score : 100 %."
      : "Ce n'est pas la bonne réponse : l'avant-vente commence par la préparation. Score : 0 %.";
    save("Réponse enregistrée.");
  };
  $("finish").onclick = function () {
    if (!api) return;
    api.SetValue("cmi.exit", api.GetValue("cmi.completion_status") === "completed" ? "normal" : "suspend");
    var ok = api.Terminate("");
    $("saved").textContent = ok === "true" ? "Module terminé : vous pouvez fermer le lecteur." : "Fin impossible : " + api.GetLastError();
    $("previous").disabled = $("next").disabled = $("finish").disabled = $("check").disabled = true;
  };
})();
`;

/** The demo module as a zip (fixed dates, so the same bytes every time). */
export function buildDemoPackage(): Uint8Array {
  const mtime = new Date("2025-01-06T09:00:00Z");
  return zipSync({
    "imsmanifest.xml": [strToU8(MANIFEST), { mtime }],
    "index.html": [strToU8(PAGE), { mtime }],
    "module.js": [strToU8(SCRIPT), { mtime }],
    "module.css": [strToU8(STYLE), { mtime }],
  });
}

/**
 * Attaches the demo module to the e-learning lessons of "Cours 1 : L'avant-vente", through the same
 * storing code as an admin's upload (checks, unpacking under DATA_DIR, the row and its audit entry).
 */
export async function attachDemoPackages(db: Db, dataDir: string): Promise<void> {
  const lessons = await db.execute<{ id: string; adminId: string | null }>(sql`
    select l.id, (select id from users where email = 'admin@demo.local') as "adminId"
    from lessons l join courses c on c.id = l.course_id
    where c.code = 'C01_L''avant-vente commerciale' and l.type = 'elearning'
    order by l.position`);
  const bytes = buildDemoPackage();
  for (const lesson of lessons.rows) {
    await storePackage(
      db,
      { dataDir, maxBytes: 10 * 1024 * 1024 },
      { lessonId: lesson.id, fileName: "avant-vente-trois-etapes.zip", bytes, userId: lesson.adminId },
    );
  }
}
