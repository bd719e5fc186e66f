import { Button } from "antd";
import { useId } from "react";
import { useTranslation } from "react-i18next";
import { TEMPLATE_VARIABLES, type TemplateVariable } from "../../../../common/templates.js";

export interface TemplateVariablesProps {
  /** The variables the server accepts, as GET /api/mail-templates lists them. */
  variables: readonly string[];
  disabled?: boolean;
  onInsert: (variable: string) => void;
}

function isKnown(name: string): name is TemplateVariable {
  return (TEMPLATE_VARIABLES as readonly string[]).includes(name);
}

/** The variables a template may use, beside the editor; a click inserts `{{variable}}` where the cursor was. */
export function TemplateVariables({ variables, disabled = false, onInsert }: TemplateVariablesProps) {
  const { t } = useTranslation();
  const titleId = useId();
  return (
    <aside className="template-variables" aria-labelledby={titleId}>
      <h3 id={titleId} className="template-variables-title">
        {t("templates.variablesTitle")}
      </h3>
      <p className="template-variables-help">{t("templates.variablesHelp")}</p>
      <ul className="template-variables-list">
        {variables.map((name) => (
          <li key={name}>
            <Button
              size="small"
              disabled={disabled}
              onClick={() => onInsert(name)}
              aria-label={t("templates.insertVariable", { variable: `{{${name}}}` })}
              className="template-variable-button"
            >
              <code>{`{{${name}}}`}</code>
            </Button>
            {isKnown(name) ? <span className="template-variable-text">{t(`templates.variables.${name}`)}</span> : null}
          </li>
        ))}
      </ul>
    </aside>
  );
}
