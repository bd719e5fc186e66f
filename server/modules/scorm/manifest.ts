import { XMLParser, XMLValidator } from "fast-xml-parser";
import { packageError, unsafePathReason } from "./zip.js";

export const MANIFEST = "imsmanifest.xml";

/** What Tutora keeps of a manifest: version, the SCO to launch, its pass mark. */
export interface ManifestInfo {
  version: "1.2" | "2004";
  versionDetail: string;
  title: string;
  identifier: string;
  organization: string;
  scoIdentifier: string;
  resourceIdentifier: string;
  /** Relative to the package root, with the item's parameters. */
  launchPath: string;
  /** The launch file itself (no query or fragment), to check it is in the package. */
  launchFile: string;
  /** Percent: 1.2 masteryscore, 2004 minNormalizedMeasure × 100 when satisfiedByMeasure. */
  masteryScore: number | null;
}

type Node = Record<string, unknown>;

const ARRAYS = new Set(["organization", "item", "resource", "file", "dependency"]);

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@_",
  removeNSPrefix: true,
  parseTagValue: false,
  parseAttributeValue: false,
  processEntities: false,
  isArray: (name) => ARRAYS.has(name),
});

const asArray = (value: unknown): Node[] =>
  (Array.isArray(value) ? value : value === undefined || value === null ? [] : [value]).filter(
    (v): v is Node => typeof v === "object" && v !== null,
  );

/** The text of an element that may also carry attributes. */
function text(value: unknown): string {
  if (typeof value === "string") return value.trim();
  if (typeof value === "number") return String(value);
  if (value && typeof value === "object" && "#text" in value) return String((value as Node)["#text"]).trim();
  return "";
}

const attribute = (node: Node | undefined, name: string) => {
  const value = node?.[`@_${name}`];
  return typeof value === "string" ? value.trim() : "";
};

function detectVersion(manifest: Node, xml: string): { version: "1.2" | "2004"; detail: string } {
  const metadata = manifest.metadata as Node | undefined;
  const schemaVersion = text(metadata?.schemaversion);
  if (schemaVersion === "1.2") return { version: "1.2", detail: "1.2" };
  if (/^CAM 1\.3$/i.test(schemaVersion)) return { version: "2004", detail: "2004 2nd Edition" };
  const edition = /^2004 (3rd|4th) Edition$/i.exec(schemaVersion);
  if (edition?.[1]) return { version: "2004", detail: `2004 ${edition[1].toLowerCase()} Edition` };
  // No usable schemaversion: the namespaces tell the version, not the edition.
  if (/adlcp_rootv1p2/i.test(xml)) return { version: "1.2", detail: "1.2" };
  if (/adlcp_v1p3|imsss|adlseq_v1p3/i.test(xml)) return { version: "2004", detail: "2004" };
  throw packageError(
    MANIFEST,
    "scorm_version",
    `cannot tell the SCORM version (schemaversion "${schemaVersion || "missing"}"; expected 1.2, CAM 1.3, 2004 3rd Edition or 2004 4th Edition)`,
  );
}

function joinBase(...parts: string[]): string {
  return parts
    .filter((p) => p.length > 0)
    .reduce((acc, part) => {
      if (!acc) return part;
      return acc.endsWith("/") ? acc + part : `${acc}/${part}`;
    }, "");
}

function masteryOf(item: Node, version: "1.2" | "2004"): number | null {
  if (version === "1.2") {
    const raw = text(item.masteryscore);
    if (!raw) return null;
    const value = Number(raw);
    if (!Number.isFinite(value) || value < 0 || value > 100) {
      throw packageError(MANIFEST, "mastery_score", `adlcp:masteryscore "${raw}" is not a number from 0 to 100`);
    }
    return value;
  }
  const sequencing = item.sequencing as Node | undefined;
  const primary = (sequencing?.objectives as Node | undefined)?.primaryObjective as Node | undefined;
  if (!primary || attribute(primary, "satisfiedByMeasure") !== "true") return null;
  const raw = text(primary.minNormalizedMeasure);
  // IMS Simple Sequencing: minNormalizedMeasure defaults to 1.0.
  const value = raw ? Number(raw) : 1;
  if (!Number.isFinite(value) || value < -1 || value > 1) {
    throw packageError(MANIFEST, "mastery_score", `imsss:minNormalizedMeasure "${raw}" is not a number from -1 to 1`);
  }
  return Math.round(Math.max(0, value) * 10_000) / 100;
}

/**
 * Parses imsmanifest.xml and resolves what to launch: the default organization (or the first),
 * its first item, depth first, whose resource is a SCO with an href. Throws a 400 naming the rule.
 */
export function parseManifest(xml: string, hasFile: (path: string) => boolean): ManifestInfo {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) {
    throw packageError(
      MANIFEST,
      "manifest_xml",
      `not well-formed XML: ${valid.err.msg} (line ${valid.err.line}, column ${valid.err.col})`,
    );
  }
  let document: Node;
  try {
    document = parser.parse(xml) as Node;
  } catch (error) {
    throw packageError(MANIFEST, "manifest_xml", `not readable XML: ${(error as Error).message}`);
  }
  const manifest = document.manifest as Node | undefined;
  if (!manifest || typeof manifest !== "object") {
    throw packageError(MANIFEST, "manifest_root", "its root element must be <manifest>");
  }
  const { version, detail } = detectVersion(manifest, xml);

  const organizations = manifest.organizations as Node | undefined;
  const orgs = asArray(organizations?.organization);
  const defaultId = attribute(organizations, "default");
  const organization = orgs.find((o) => attribute(o, "identifier") === defaultId) ?? orgs[0];
  if (!organization) {
    throw packageError(MANIFEST, "launchable_sco", "no <organization> in <organizations>: nothing to launch");
  }
  const resourcesNode = manifest.resources as Node | undefined;
  const resources = new Map(asArray(resourcesNode?.resource).map((r) => [attribute(r, "identifier"), r]));

  const isSco = (resource: Node) =>
    (attribute(resource, "scormtype") || attribute(resource, "scormType")).toLowerCase() === "sco";
  const walk = (items: Node[]): { item: Node; resource: Node } | null => {
    for (const item of items) {
      const resource = resources.get(attribute(item, "identifierref"));
      if (resource && attribute(resource, "href") && isSco(resource)) return { item, resource };
      const nested = walk(asArray(item.item));
      if (nested) return nested;
    }
    return null;
  };
  const found = walk(asArray(organization.item));
  const organizationId = attribute(organization, "identifier");
  if (!found) {
    throw packageError(
      MANIFEST,
      "launchable_sco",
      `no item of organization "${organizationId}" points to a SCO resource with an href`,
    );
  }
  const { item, resource } = found;
  const href = joinBase(
    attribute(manifest, "base"),
    attribute(resourcesNode, "base"),
    attribute(resource, "base"),
    attribute(resource, "href"),
  ).replace(/^(\.\/)+/, "");
  const parameters = attribute(item, "parameters");
  const launchFile = (() => {
    const bare = href.split(/[?#]/)[0] ?? "";
    try {
      return decodeURIComponent(bare);
    } catch {
      return bare;
    }
  })();
  const unsafe = unsafePathReason(launchFile);
  if (unsafe || /^[a-z][a-z0-9+.-]*:/i.test(href)) {
    throw packageError(MANIFEST, "launch_file", `launch href "${href}" must be a relative path inside the package`);
  }
  if (!hasFile(launchFile)) {
    throw packageError(
      MANIFEST,
      "launch_file_missing",
      `launch file "${launchFile}" of resource "${attribute(resource, "identifier")}" is not in the package`,
    );
  }
  let launchPath = href;
  if (parameters) {
    const trimmed = parameters.replace(/^[?&]/, "");
    if (parameters.startsWith("#")) launchPath = `${href}${parameters}`;
    else launchPath = href.includes("?") ? `${href}&${trimmed}` : `${href}?${trimmed}`;
  }
  return {
    version,
    versionDetail: detail,
    title: text(organization.title) || text(item.title) || attribute(manifest, "identifier"),
    identifier: attribute(manifest, "identifier"),
    organization: organizationId,
    scoIdentifier: attribute(item, "identifier"),
    resourceIdentifier: attribute(resource, "identifier"),
    launchPath,
    launchFile,
    masteryScore: masteryOf(item, version),
  };
}
