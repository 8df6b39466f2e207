"""Official documents made from the data (issue 18): the Laporan Kinerja of every report,
the Perjanjian Kinerja and the IKI sheet of every year of a position, as PDF (Typst,
templates/dokumen/*.typ: PDF/A-2a, tagged; its objects packed by pdfpack.py) and as
editable DOCX (WordprocessingML written directly, wordml.py).

The content of each document (lkj.py, pk_iki.py, common.py) is plain data built from the
checked data and the engine's figures: the same numbers as the site, in Indonesian format,
the computed figure with a footnote where the agency printed another. The public copy masks
NIPs like the site; a copy for signing (``kinerja dokumen --untuk-tanda-tangan``) does not
and is never published. make.py lists the documents and makes them through a cache.

This file imports nothing: pdf.py's compiling helper process starts by importing only that
module. The entry points are make.Maker, make.all_documents and site.SiteDocuments.
"""
