-- Reserved: number 0011 belongs to a change on another branch (issue 17). This empty step only keeps the
-- numbers gap-free on the branch that brought 0012; delete this file when the real 0011 is merged.
SELECT 1;
