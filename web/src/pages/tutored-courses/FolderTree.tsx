import { FolderOpenOutlined, FolderOutlined, HomeOutlined } from "@ant-design/icons";
import { Alert, Button, Skeleton, Tree, type TreeDataNode, type TreeProps } from "antd";
import { useId, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import type { FolderNode } from "../../../../common/api/courses.js";
import { useFolderTree } from "../../api/coursesDetail.js";
import { Panel } from "../../components/Panel.js";
import { FolderTitle } from "./FolderTitle.js";

/** Key of the tree's root node, "all courses". */
export const allFoldersKey = "all";

// Rows are ~28 px: a fixed height keeps a 1,000-folder tree to one screen, rendered virtually.
const treeHeight = 460;

export interface FolderTreeProps {
  /** Selected folder id; empty for "all". */
  selected: string;
  onSelect: (folderId: string) => void;
}

interface TreeBuild {
  nodes: TreeDataNode[];
  /** Folders with sub-folders, expanded at first. */
  parents: string[];
  byId: Map<string, FolderNode>;
}

function buildTree(folders: FolderNode[], renderTitle: (folder: FolderNode) => TreeDataNode["title"]): TreeBuild {
  const children = new Map<string | null, FolderNode[]>();
  const byId = new Map(folders.map((folder) => [folder.id, folder]));
  for (const folder of folders) {
    // A parent the tutor cannot see (no tutored course in it) puts the folder at the root.
    const parent = folder.parentId && byId.has(folder.parentId) ? folder.parentId : null;
    const siblings = children.get(parent) ?? [];
    siblings.push(folder);
    children.set(parent, siblings);
  }
  const parents: string[] = [];
  const seen = new Set<string>();
  function toNodes(parent: string | null): TreeDataNode[] {
    return (children.get(parent) ?? []).flatMap((folder) => {
      if (seen.has(folder.id)) return [];
      seen.add(folder.id);
      const kids = toNodes(folder.id);
      if (kids.length > 0) parents.push(folder.id);
      return [{ key: folder.id, title: renderTitle(folder), children: kids, isLeaf: kids.length === 0 }];
    });
  }
  return { nodes: toNodes(null), parents, byId };
}

/** The ancestors of a folder, so a folder chosen by URL is visible in the tree. */
function ancestorsOf(folderId: string, byId: Map<string, FolderNode>): string[] {
  const out: string[] = [];
  let current = byId.get(folderId)?.parentId ?? null;
  while (current && byId.has(current) && !out.includes(current)) {
    out.push(current);
    current = byId.get(current)?.parentId ?? null;
  }
  return out;
}

/** C1: the folders holding tutored courses, with counts; choosing one lists its courses and its sub-folders'. */
export function FolderTree({ selected, onSelect }: FolderTreeProps) {
  const { t } = useTranslation();
  const titleId = useId();
  const folders = useFolderTree();
  const [expandedKeys, setExpandedKeys] = useState<string[] | null>(null);

  const tree = useMemo(
    () =>
      buildTree(folders.data?.folders ?? [], (folder) => <FolderTitle name={folder.name} count={folder.courseCount} />),
    [folders.data],
  );

  const treeData: TreeDataNode[] = [
    {
      key: allFoldersKey,
      title: <FolderTitle name={t("courseList.allCourses")} count={folders.data?.totalCourses ?? 0} />,
      children: tree.nodes,
    },
  ];
  const expanded = expandedKeys ?? [allFoldersKey, ...tree.parents];
  const visibleExpanded = selected
    ? [...new Set([...expanded, allFoldersKey, ...ancestorsOf(selected, tree.byId)])]
    : expanded;

  const handleSelect: TreeProps["onSelect"] = (keys, info) => {
    // Clicking the selected folder again keeps it selected rather than leaving nothing chosen.
    const key = keys.length > 0 ? String(keys[0]) : String(info.node.key);
    onSelect(key === allFoldersKey ? "" : key);
  };

  const handleExpand: TreeProps["onExpand"] = (keys) => {
    setExpandedKeys(keys.map(String));
  };

  function handleRetry() {
    void folders.refetch();
  }

  return (
    <section aria-labelledby={titleId}>
      <Panel>
        <div
          style={{
            display: "flex",
            alignItems: "center",
            minHeight: 56,
            padding: "10px 16px",
            borderBottom: "1px solid #f0f0f0",
          }}
        >
          <h2 id={titleId} style={{ margin: 0, fontSize: 14, fontWeight: 600, letterSpacing: 0.6 }}>
            {t("courseList.foldersTitle")}
          </h2>
        </div>
        <div style={{ padding: "8px 8px 12px" }}>
          {folders.isPending ? (
            <Skeleton active title={false} paragraph={{ rows: 6 }} style={{ padding: 8 }} />
          ) : folders.isError ? (
            <Alert
              type="warning"
              showIcon
              title={t("courseList.foldersLoadError")}
              action={
                <Button size="small" onClick={handleRetry} loading={folders.isFetching}>
                  {t("errors.retry")}
                </Button>
              }
            />
          ) : (
            <Tree
              aria-label={t("courseList.folderTreeLabel")}
              className="folder-tree"
              treeData={treeData}
              selectedKeys={[selected || allFoldersKey]}
              expandedKeys={visibleExpanded}
              onSelect={handleSelect}
              onExpand={handleExpand}
              showIcon
              icon={(node) => {
                if (node.eventKey === allFoldersKey) return <HomeOutlined aria-hidden="true" />;
                return node.expanded ? (
                  <FolderOpenOutlined aria-hidden="true" />
                ) : (
                  <FolderOutlined aria-hidden="true" />
                );
              }}
              blockNode
              virtual
              height={treeHeight}
            />
          )}
        </div>
      </Panel>
    </section>
  );
}
