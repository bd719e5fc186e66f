// antd's Result alone, for LazyResult's chunk: it carries the 403/404/500 illustrations (~10 kB gzip).
export { Result } from "antd";
