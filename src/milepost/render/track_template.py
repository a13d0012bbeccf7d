"""The upstream track roadmap template, byte for byte, and the lines of it that
:func:`.scaffold.new_roadmap` fills in for a new track (everything else it copies as is).

Internal module: data only.
"""

from __future__ import annotations

__all__ = ["COMPLETED_MONTH_LINE", "FIXED_LINES", "TEMPLATE"]

# The upstream template (MassGen docs/_templates/track-roadmap-template.md, Apache-2.0),
# byte for byte; tests compare it with the shared copy. The one backslash joins a line too long
# for the source file: the string itself has that sentence on a single line.
TEMPLATE = """\
# [Track Name] Roadmap

**Last updated:** YYYY-MM-DD
**Planning horizon:** [Current month] through [+6 months]

## Current Focus (Next 4-6 Weeks)

**Theme:** [High-level theme for current work]

### [Current Month] YYYY
- ✅ **Completed:** [Feature that shipped]
- 🚧 **In Progress:** [Feature being developed]
- 📋 **Planned:** [Feature starting soon]
- 📋 **Planned:** [Feature starting soon]

### [Next Month] YYYY
- 📋 [Feature planned for next month]
- 📋 [Feature planned for next month]
- 📋 [Feature planned for next month]

## Medium-Term Goals (3-6 Months)

### [Quarter] YYYY Goals

#### Goal 1: [Name]
**Motivation:** [Why this matters]
**Success Criteria:** [How we'll know we succeeded]
**Features:**
- Feature A - [brief description]
- Feature B - [brief description]

#### Goal 2: [Name]
**Motivation:** [Why this matters]
**Success Criteria:** [How we'll know we succeeded]
**Features:**
- Feature A - [brief description]
- Feature B - [brief description]

#### Goal 3: [Name]
**Motivation:** [Why this matters]
**Success Criteria:** [How we'll know we succeeded]
**Features:**
- Feature A - [brief description]

## Long-Term Vision (6+ Months)

### Vision Statement
[Paragraph describing where this track is headed in the long term]

### Major Initiatives

#### Initiative 1: [Name]
- **Vision:** [What this enables]
- **Impact:** [How this helps users/system]
- **Rough Timeline:** [Quarter/Year]
- **Dependencies:** [What needs to happen first]

#### Initiative 2: [Name]
- **Vision:** [What this enables]
- **Impact:** [How this helps users/system]
- **Rough Timeline:** [Quarter/Year]
- **Dependencies:** [What needs to happen first]

#### Initiative 3: [Name]
- **Vision:** [What this enables]
- **Impact:** [How this helps users/system]
- **Rough Timeline:** [Quarter/Year]
- **Dependencies:** [What needs to happen first]

## Completed Milestones

### [Month] YYYY
- ✅ [Major feature] shipped - [Impact]
  - Details: [Link to case study or docs]

### [Month] YYYY
- ✅ [Major feature] shipped - [Impact]
  - Details: [Link to case study or docs]

### [Month] YYYY
- ✅ [Major feature] shipped - [Impact]
  - Details: [Link to case study or docs]

## Dependencies and Risks

### External Dependencies
- **Dependency on [Other Track]:** [What we need from them and when]
- **Dependency on [External System]:** [What we need and impact if delayed]

### Technical Risks
- **Risk 1:** [Description]
  - Likelihood: [High/Medium/Low]
  - Impact: [High/Medium/Low]
  - Mitigation: [How we're addressing this]

- **Risk 2:** [Description]
  - Likelihood: [High/Medium/Low]
  - Impact: [High/Medium/Low]
  - Mitigation: [How we're addressing this]

### Resource Constraints
- [Constraint description and impact]

## Strategic Alignment

### Alignment with MassGen Vision
[How this track's roadmap aligns with overall MassGen goals]

### Cross-Track Synergies
- **With [Track Name]:** [How we're working together]
- **With [Track Name]:** [How we're working together]

## Community Feedback

Key requests from users/contributors:
- **Request 1:** [Description] - [Status: Planned/In Progress/Completed]
- **Request 2:** [Description] - [Status: Planned/In Progress/Completed]
- **Request 3:** [Description] - [Status: Planned/In Progress/Completed]

## Success Metrics

How we'll measure progress:
- **Current Quarter:**
  - Metric 1: [baseline] → [target]
  - Metric 2: [baseline] → [target]

- **Year Target:**
  - Metric 1: [baseline] → [target]
  - Metric 2: [baseline] → [target]

---

**Next roadmap review:** YYYY-MM-DD

*This roadmap is a living document and will evolve based on learnings, \
feedback, and priorities. Major changes are announced in the Discord channel.*

*Last updated: YYYY-MM-DD by @username*
"""

# Template lines that stand alone and are replaced whole; the values are format fields.
FIXED_LINES = {
    "# [Track Name] Roadmap": "# {name} Roadmap",
    "**Last updated:** YYYY-MM-DD": "**Last updated:** {today}",
    "**Planning horizon:** [Current month] through [+6 months]": (
        "**Planning horizon:** {this_month} through {horizon_end}"
    ),
    "### [Current Month] YYYY": "### {this_month}",
    "### [Next Month] YYYY": "### {next_month}",
    "### [Quarter] YYYY Goals": "### {quarter} Goals",
    "### Alignment with MassGen Vision": "### Alignment with {project} Vision",
    "[How this track's roadmap aligns with overall MassGen goals]": (
        "[How this track's roadmap aligns with {project}'s overall goals]"
    ),
    "**Next roadmap review:** YYYY-MM-DD": "**Next roadmap review:** {review}",
    "*Last updated: YYYY-MM-DD by @username*": "*Last updated: {today} by @{owner}*",
}
# Completed Milestones has one "### [Month] YYYY" per past month, newest first.
COMPLETED_MONTH_LINE = "### [Month] YYYY"
