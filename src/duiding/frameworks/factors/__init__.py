"""The factor model of a framework: reads (selectors), writes (services), Excel in and out."""
