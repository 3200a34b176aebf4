// The plain JavaScript side of the benchmarks (written for them only, not used by the product):
// a deterministic generator of applicants, the rules of the requirements and the subsidy with
// every number taken from one full assessment of the module or of `tic` (nothing typed twice),
// and the comparison of two results. Used in the page (www/bench.js) and in Node
// (scripts/bench-node.mjs); see docs/speed.md.

// A deterministic generator of applicants covering every rule (and some invalid ones).
export function* applicants(n) {
  let s = 12345;
  const r = (k) => { s = (s * 1103515245 + 12345) % 2147483648; return s % k; };
  const pick = (xs) => xs[r(xs.length)];
  for (let i = 0; i < n; i++) {
    const a = { schema: 'tic-applicant/1', name: `中心${i}`, district: pick(['鄞州区', '北仑区', '慈溪市']) };
    if (r(10)) a.recommended_by = pick(['district', 'municipal_department', 'municipal_layout', 'none']);
    if (r(10)) a.lead_unit = { kind: pick(['enterprise', 'university', 'research_institute', 'other']), leading_enterprise: !!r(2), platforms: r(2) ? ['provincial_engineering_center'] : [] };
    if (r(10)) a.fields = { highlands: r(3) ? [] : ['new_materials'], chains: [], clusters: r(4) ? [] : ['auto_parts'], carbon_neutral: !r(5) };
    if (r(10)) a.organization = { legal_status: pick(['independent', 'separate_accounting', 'none']), bases: r(4), board: !!r(3), director: !!r(3), chief_scientist: !!r(3), expert_committee: !!r(3) };
    if (r(10)) a.investment_wan = Array.from({ length: 1 + r(5) }, () => r(800000) / 100);
    if (r(3)) a.capacity_investment_wan = Array.from({ length: 1 + r(3) }, () => r(300000) / 100);
    if (r(10)) a.team = { staff_year2: 60 + r(80), teams_year2: r(4), staff_year5: 200 + r(200), teams_year5: 2 + r(6) };
    if (r(10)) a.ecosystem = { transfer_bases: r(3), partner_firms: 10 + r(20), spinoffs: r(8), firms_served: 50 + r(100) };
    yield a;
  }
}

// The rules of the requirements by id (what each checks; the numbers come from the module).
export function makeJs(full) {
  const req = full.requirements.map((o) => ({ id: o.id, kind: o.kind, required: o.required, years: o.years_counted }));
  const f = full.funding;
  const rateBp = Math.round(f.rate_percent * 100);
  const yuan = (w) => Math.round(w * 10000);
  const firstCap = yuan(f.first_year_cap_wan), totalCap = yuan(f.total_cap_wan), nYears = f.years.length;
  const known = (b) => (b === undefined || b === null ? 'unknown' : b ? 'met' : 'gap');
  const anyOf = (xs) => (xs.some((x) => x === true) ? 'met' : xs.every((x) => x === false) ? 'gap' : 'unknown');
  const nonEmpty = (l) => (l === undefined || l === null ? undefined : l.length > 0);
  const flags = { 'org.board': 'board', 'org.director': 'director', 'org.chief_scientist': 'chief_scientist', 'org.expert_committee': 'expert_committee' };
  const counts = { 'org.bases': ['organization', 'bases'], 'team.staff_year2': ['team', 'staff_year2'], 'team.teams_year2': ['team', 'teams_year2'], 'team.staff_year5': ['team', 'staff_year5'], 'team.teams_year5': ['team', 'teams_year5'], 'eco.transfer_bases': ['ecosystem', 'transfer_bases'], 'eco.partner_firms': ['ecosystem', 'partner_firms'], 'eco.spinoffs': ['ecosystem', 'spinoffs'], 'eco.firms_served': ['ecosystem', 'firms_served'] };
  const plain = (y) => y / 10000;
  return function assessJs(a) {
    const lu = a.lead_unit || {}, fl = a.fields || {}, org = a.organization || {};
    const out = [];
    let gateGap = false, gateUnknown = false, open = false;
    for (const q of req) {
      let status, actual;
      const o = { id: q.id };
      if (q.id === 'scope.field') status = anyOf([nonEmpty(fl.highlands), nonEmpty(fl.chains), nonEmpty(fl.clusters), fl.carbon_neutral]);
      else if (q.id === 'lead.unit') status = lu.kind === undefined ? 'unknown' : ['enterprise', 'university', 'research_institute'].includes(lu.kind) ? 'met' : 'gap';
      else if (q.id === 'lead.capacity') status = anyOf([lu.kind === undefined ? undefined : lu.kind !== 'enterprise', lu.leading_enterprise, nonEmpty(lu.platforms)]);
      else if (q.id === 'application.recommendation') status = known(a.recommended_by === undefined ? undefined : a.recommended_by !== 'none');
      else if (q.id === 'org.accounting') status = known(org.legal_status === undefined ? undefined : org.legal_status !== 'none');
      else if (q.id === 'org.legal_entity') status = known(org.legal_status === undefined ? undefined : org.legal_status === 'independent');
      else if (flags[q.id]) status = known(org[flags[q.id]]);
      else if (counts[q.id]) {
        const [g, k] = counts[q.id];
        actual = (a[g] || {})[k];
        status = known(actual === undefined ? undefined : actual >= q.required);
        if (actual !== undefined) o.actual = actual;
        o.required = q.required;
      } else if (q.id.startsWith('invest.')) {
        const given = (a.investment_wan || []).slice(0, q.years);
        const sum = given.reduce((s, w) => s + yuan(w), 0);
        status = sum >= yuan(q.required) ? 'met' : given.length === q.years ? 'gap' : 'unknown';
        o.actual = plain(sum); o.required = q.required;
      }
      o.status = status;
      if (q.kind === 'gate') { if (status === 'gap') gateGap = true; if (status === 'unknown') gateUnknown = true; }
      if (status !== 'met') open = true;
      out.push(o);
    }
    const bases = a.capacity_investment_wan || a.investment_wan || [];
    const years = [];
    let total = 0;
    for (let n = 1; n <= nYears; n++) {
      const base = yuan(bases[n - 1] || 0);
      let byRate = Math.floor(base * rateBp / 10000); byRate -= byRate % 100;
      let amount = byRate, by = 'rate';
      if (n === 1 && firstCap <= amount) { amount = firstCap; by = 'first_year_cap'; }
      const left = Math.max(0, totalCap - total);
      if (left <= amount) { amount = left; by = 'total_cap'; }
      total += amount;
      years.push({ year: n, amount_wan: plain(amount), limited_by: by });
    }
    const verdict = gateGap ? 'not_eligible' : gateUnknown ? 'incomplete' : open ? 'eligible_with_gaps' : 'eligible';
    return { verdict, requirements: out, funding: { years, total_wan: plain(total) } };
  };
}

export function same(a, b) {
  if (typeof a === 'number' || typeof b === 'number') return Math.abs(a - b) < 0.005;
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((x, i) => same(x, b[i]));
  if (a && typeof a === 'object') {
    const ka = Object.keys(a).sort(), kb = Object.keys(b || {}).sort();
    return ka.length === kb.length && ka.every((k, i) => k === kb[i] && same(a[k], b[k]));
  }
  return a === b;
}
