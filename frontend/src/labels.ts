// Keys and labels of FORMAT.md: the tables' rows and cells as the national template prints them.

export const B_COLUMNS = [
  'naturalPerson', 'commercialEnterprise', 'researchInstitution', 'socialWelfareOrganization',
  'legalServiceOrganization', 'otherOrganization', 'total',
] as const;

export const B_COLUMN_LABELS: Record<string, string> = {
  naturalPerson: '自然人',
  commercialEnterprise: '商业企业',
  researchInstitution: '科研机构',
  socialWelfareOrganization: '社会公益组织',
  legalServiceOrganization: '法律服务机构',
  otherOrganization: '其他',
  total: '总计',
};

export const B_ROWS = [
  'newReceived', 'carriedOver', 'granted', 'partiallyGranted',
  'denied.stateSecret', 'denied.prohibitedByLaw', 'denied.threeSecurityOneStability', 'denied.thirdPartyRights',
  'denied.internalAffairs', 'denied.processInformation', 'denied.lawEnforcementFile', 'denied.administrativeQuery',
  'unavailable.notHeld', 'unavailable.needsCreation', 'unavailable.unclearAfterCorrection',
  'notProcessed.complaint', 'notProcessed.duplicate', 'notProcessed.publication', 'notProcessed.massRepeated',
  'notProcessed.confirmation',
  'other.overdueCorrection', 'other.overdueFee', 'other.other',
  'total', 'carriedForward',
] as const;

/** The 21 outcome rows, 予以公开 … 其他处理·其他. */
export const B_OUTCOME_ROWS = B_ROWS.slice(2, 23);

/** Short names, for findings lists and tooltips. */
export const B_ROW_SHORT: Record<string, string> = {
  newReceived: '本年新收',
  carriedOver: '上年结转',
  granted: '予以公开',
  partiallyGranted: '部分公开',
  'denied.stateSecret': '不予公开·国家秘密',
  'denied.prohibitedByLaw': '不予公开·法律行政法规禁止',
  'denied.threeSecurityOneStability': '不予公开·三安全一稳定',
  'denied.thirdPartyRights': '不予公开·第三方合法权益',
  'denied.internalAffairs': '不予公开·内部事务',
  'denied.processInformation': '不予公开·过程性信息',
  'denied.lawEnforcementFile': '不予公开·行政执法案卷',
  'denied.administrativeQuery': '不予公开·行政查询事项',
  'unavailable.notHeld': '无法提供·本机关不掌握',
  'unavailable.needsCreation': '无法提供·需另行制作',
  'unavailable.unclearAfterCorrection': '无法提供·补正后仍不明确',
  'notProcessed.complaint': '不予处理·信访举报投诉',
  'notProcessed.duplicate': '不予处理·重复申请',
  'notProcessed.publication': '不予处理·公开出版物',
  'notProcessed.massRepeated': '不予处理·大量反复申请',
  'notProcessed.confirmation': '不予处理·确认或重新出具',
  'other.overdueCorrection': '其他处理·逾期不补正',
  'other.overdueFee': '其他处理·逾期未缴费',
  'other.other': '其他处理·其他',
  total: '办理结果总计',
  carriedForward: '结转下年度',
};

/** Outcome groups, for the 总览 chart. */
export const OUTCOME_GROUPS: { key: string; label: string }[] = [
  { key: 'granted', label: '予以公开' },
  { key: 'partiallyGranted', label: '部分公开' },
  { key: 'denied', label: '不予公开' },
  { key: 'unavailable', label: '无法提供' },
  { key: 'notProcessed', label: '不予处理' },
  { key: 'other', label: '其他处理' },
];

export const C_GROUPS = ['adminReview', 'litigationDirect', 'litigationAfterReview'] as const;
export const C_GROUP_LABELS: Record<string, string> = {
  adminReview: '行政复议',
  litigationDirect: '行政诉讼·未经复议直接起诉',
  litigationAfterReview: '行政诉讼·复议后起诉',
};
export const C_CELLS = ['upheld', 'corrected', 'other', 'pending', 'total'] as const;
export const C_CELL_LABELS: Record<string, string> = {
  upheld: '结果维持',
  corrected: '结果纠正',
  other: '其他结果',
  pending: '尚未审结',
  total: '总计',
};

export const A_ROW_LABELS: Record<string, string> = {
  regulations: '规章',
  normativeDocuments: '行政规范性文件',
  licensing: '行政许可',
  punishment: '行政处罚',
  enforcement: '行政强制',
  fees: '行政事业性收费',
  otherServices: '其他对外管理服务事项',
  procurement: '政府集中采购',
};
export const A2019_ROW_LABELS: Record<string, string> = { ...A_ROW_LABELS, normativeDocuments: '规范性文件' };

export const A_CELL_LABELS: Record<string, string> = {
  issued: '本年制发件数',
  repealed: '本年废止件数',
  inForce: '现行有效件数',
  newlyMade: '本年新制作数量',
  newlyPublished: '本年新公开数量',
  publishedTotal: '对外公开总数量',
  itemsLastYear: '上一年项目数量',
  itemsChange: '本年增/减',
  decisions: '处理决定数量',
  items: '采购项目数量',
  amount: '采购总金额',
};

export const SECTION_NAMES: Record<string, string> = {
  一: '一、总体情况',
  二: '二、主动公开政府信息情况',
  三: '三、收到和处理政府信息公开申请情况',
  四: '四、政府信息公开行政复议、行政诉讼情况',
  五: '五、存在的主要问题及改进情况',
  六: '六、其他需要报告的事项',
  标题: '标题',
};

export const TEXT_SECTIONS: { key: string; section: string; label: string }[] = [
  { key: 'overview', section: '一', label: '一、总体情况' },
  { key: 'problems', section: '五', label: '五、存在的主要问题及改进情况' },
  { key: 'other', section: '六', label: '六、其他需要报告的事项' },
];

export const RULES: { id: string; severity: 'error' | 'warning' | 'note'; label: string }[] = [
  { id: 'B1', severity: 'error', label: '申请表勾稽关系（新收＋结转＝总计＋结转下年）' },
  { id: 'B2', severity: 'error', label: '申请人各列之和等于总计列' },
  { id: 'B3', severity: 'error', label: '办理结果各项之和等于总计' },
  { id: 'C1', severity: 'error', label: '复议、诉讼各组总计' },
  { id: 'N1', severity: 'error', label: '数值格式（非负整数、金额）' },
  { id: 'S1', severity: 'error', label: '章节与表格行完整' },
  { id: 'S2', severity: 'note', label: '数字如何拆分、单元格如何放置（只填总计列时为警告）' },
  { id: 'S3', severity: 'warning', label: '“存在的主要问题”内容空泛' },
  { id: 'M1', severity: 'warning', label: '标题缺少机关或年度' },
  { id: 'X1', severity: 'warning', label: '正文数字与表格不符' },
  { id: 'X2', severity: 'error', label: '上年结转与上年度结转下年不符' },
  { id: 'X3', severity: 'warning', label: '正文出现其他机关或地方名称' },
  { id: 'X4', severity: 'warning', label: '现行有效件数与上年度不衔接' },
  { id: 'X5', severity: 'warning', label: '与上年度报告大量重复' },
  { id: 'T1', severity: 'warning', label: '表格未能可靠识别，需人工核对' },
];
export const RULE_LABEL: Record<string, string> = Object.fromEntries(RULES.map((r) => [r.id, r.label]));

export const STATUS_LABELS: Record<string, string> = {
  VALID: '通过',
  HAS_ERRORS: '有错误',
  REJECTED: '未能识别',
};

export const SEVERITY_LABELS: Record<string, string> = { error: '错误', warning: '警告', note: '读取说明' };

/** What a reading note is, in the words the page uses wherever notes are shown. */
export const NOTES_EXPLAINED = '读取说明记录 nianbao 如何读取这份文档（连写的数字如何拆分、单元格如何放置、哪些核对因空白单元格未执行），'
  + '不是报告本身的问题，不计入错误或警告。';

export const PROVINCES = [
  '北京市', '天津市', '河北省', '山西省', '内蒙古自治区', '辽宁省', '吉林省', '黑龙江省', '上海市', '江苏省',
  '浙江省', '安徽省', '福建省', '江西省', '山东省', '河南省', '湖北省', '湖南省', '广东省', '广西壮族自治区',
  '海南省', '重庆市', '四川省', '贵州省', '云南省', '西藏自治区', '陕西省', '甘肃省', '青海省',
  '宁夏回族自治区', '新疆维吾尔自治区',
];

/** A finding's location in words: 三 · 本年新收 · 总计. */
export function describeLocation(loc: { section?: string; row?: string; column?: string } | null | undefined): string {
  if (!loc || !loc.section) return '';
  const parts: string[] = [SECTION_NAMES[loc.section] ?? loc.section];
  const s = loc.section;
  if (loc.row) {
    if (s === '三') parts.push(B_ROW_SHORT[loc.row] ?? loc.row);
    else if (s === '四') parts.push(C_GROUP_LABELS[loc.row] ?? loc.row);
    else if (s === '二') parts.push(A_ROW_LABELS[loc.row] ?? loc.row);
    else parts.push(loc.row);
  }
  if (loc.column) {
    if (s === '三') parts.push(B_COLUMN_LABELS[loc.column] ?? loc.column);
    else if (s === '四') parts.push(C_CELL_LABELS[loc.column] ?? loc.column);
    else if (s === '二') parts.push(A_CELL_LABELS[loc.column] ?? loc.column);
    else parts.push(loc.column);
  }
  return parts.join(' · ');
}
