"""The family's journal per child: milestones seen, practice and tummy time, dated notes, and
the report for the doctor that gathers them with the analyses."""
