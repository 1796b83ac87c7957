// The settings page's guidelines preview beside their textarea (guidelines_preview.js).

import { bindGuidelinesPreview } from "./guidelines_preview.js";

bindGuidelinesPreview(document.getElementById("project-guidelines"), document.getElementById("guidelines-preview"));
