import { component, componentType, date, fen, integer, optionalString, text } from '../../lib/schema-kit.ts';

/** content/schemas/project.ts `fundraisingPlanSchema`: 募捐方案 as filed (Charity Law Art. 24). */
export default componentType({
  collectionName: 'components_project_plans',
  displayName: '募捐方案',
  description: '向民政部门备案的募捐方案；备案编号按原样填写',
  attributes: {
    filingNumber: optionalString(60),
    filedOn: date(false),
    window: component('shared.date-window'),
    goalFen: fen(),
    purpose: text(1000),
    beneficiaryScope: text(1000),
    beneficiarySelection: text(1000),
    useOfFunds: text(2000),
    fundraisingCost: text(500),
    managementCostPermille: integer(0, 1000),
    remainingProperty: text(500),
    partners: component('project.partner', { repeatable: true, required: false }),
  },
});
