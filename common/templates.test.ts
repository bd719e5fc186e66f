import { describe, expect, it } from "vitest";
import { renderTemplate, unknownVariables, usedVariables } from "./templates.js";

const values = {
  prenom: "Sam",
  nom: "AGASSE",
  cours: "Cours 1 : L'avant-vente",
  progression: "83 %",
  date_objectif: "31/12/2026",
  temps_passe: "04:16:08",
  organisation: "South",
  lien: "http://localhost:3000/mes-formations",
};

describe("mail templates", () => {
  it("fills the variables, with or without spaces in the braces", () => {
    expect(renderTemplate("Bonjour {{prenom}} {{ nom }}, {{progression}} dans « {{cours}} »", values)).toBe(
      "Bonjour Sam AGASSE, 83 % dans « Cours 1 : L'avant-vente »",
    );
  });
  it("finds unknown variables", () => {
    expect(usedVariables("{{prenom}} {{prénom}} {{x}} {{prenom}}")).toEqual(["prenom", "prénom", "x"]);
    expect(unknownVariables("{{prenom}} {{ville}} {{lien}}")).toEqual(["ville"]);
  });
  it("folds line breaks in values so they can't add lines or headers", () => {
    expect(renderTemplate("Objet {{nom}}", { ...values, nom: "X\r\nBcc: evil@example.com" })).toBe(
      "Objet X Bcc: evil@example.com",
    );
  });
});
