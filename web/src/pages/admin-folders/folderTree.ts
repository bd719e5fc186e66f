import type { AdminFolder } from "../../../../common/api/catalogue-admin.js";

export type FolderNode = AdminFolder & { children?: FolderNode[] };

/** Nests the flat folder list (in path order) under their parents; leaves have no `children` key. */
export function nestFolders(folders: AdminFolder[]): FolderNode[] {
  const nodes = new Map<string, FolderNode>(folders.map((f) => [f.id, { ...f }]));
  const roots: FolderNode[] = [];
  for (const folder of folders) {
    const node = nodes.get(folder.id) as FolderNode;
    const parent = folder.parentId ? nodes.get(folder.parentId) : undefined;
    if (parent) {
      parent.children = parent.children ?? [];
      parent.children.push(node);
    } else {
      roots.push(node);
    }
  }
  const sort = (list: FolderNode[]) => {
    list.sort((a, b) => a.position - b.position || a.name.localeCompare(b.name));
    for (const node of list) if (node.children) sort(node.children);
  };
  sort(roots);
  return roots;
}

/** The ids of a folder and all its descendants: where it can't be moved. */
export function subtreeIds(folders: AdminFolder[], folderId: string): Set<string> {
  const ids = new Set([folderId]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const f of folders) {
      if (f.parentId && ids.has(f.parentId) && !ids.has(f.id)) {
        ids.add(f.id);
        grew = true;
      }
    }
  }
  return ids;
}
