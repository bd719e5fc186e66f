import { describe, expect, it } from "vitest";
import type { AdminFolder } from "../../../../common/api/catalogue-admin.js";
import { nestFolders, subtreeIds } from "./folderTree.js";

const folder = (id: string, parentId: string | null, position: number, name = id): AdminFolder => ({
  id,
  parentId,
  name,
  position,
  courseCount: 0,
  childCount: 0,
});

describe("admin folder tree", () => {
  const flat = [
    folder("a", null, 1),
    folder("b", null, 0),
    folder("a1", "a", 0),
    folder("a1x", "a1", 0),
    folder("a2", "a", 1),
  ];

  it("nests folders under their parents in position order; leaves have no children key", () => {
    const tree = nestFolders(flat);
    expect(tree.map((n) => n.id)).toEqual(["b", "a"]);
    expect(tree[1]?.children?.map((n) => n.id)).toEqual(["a1", "a2"]);
    expect(tree[1]?.children?.[0]?.children?.map((n) => n.id)).toEqual(["a1x"]);
    expect(tree[0]).not.toHaveProperty("children");
  });

  it("names a folder's whole subtree, where it can't be moved", () => {
    expect([...subtreeIds(flat, "a")].sort()).toEqual(["a", "a1", "a1x", "a2"]);
    expect([...subtreeIds(flat, "b")]).toEqual(["b"]);
  });
});
