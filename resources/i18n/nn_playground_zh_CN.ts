<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
    <context>
        <name>nn_playground</name>
        <message>
            <location filename="../../playground/core/data/csv_data.py" line="271" />
            <source>{name}: every row has the same '{column}' ({value}); a classifier needs two classes.</source>
            <translation>{name}：每一行的“{column}”都相同（{value}）；分类器至少需要两个类别。</translation>
        </message>
        <message>
            <location filename="../../playground/core/data/csv_data.py" line="79" />
            <source>{name}: {size:.0f} MB is larger than the {limit} MB this app reads.</source>
            <translation>{name}：{size:.0f} MB 超过了本应用可读取的 {limit} MB。</translation>
        </message>
        <message>
            <location filename="../../playground/core/data/csv_data.py" line="84" />
            <source>{name}: not UTF-8 text (byte {byte}); save it as UTF-8 CSV.</source>
            <translation>{name}：不是 UTF-8 文本（第 {byte} 字节）；请将其另存为 UTF-8 编码的 CSV。</translation>
        </message>
        <message>
            <location filename="../../playground/core/data/csv_data.py" line="304" />
            <source>an empty cell</source>
            <translation>空单元格</translation>
        </message>
        <message>
            <location filename="../../playground/core/data/csv_data.py" line="61" />
            <location filename="../../playground/core/files/project_file.py" line="139" />
            <location filename="../../playground/core/files/weights_io.py" line="114" />
            <location filename="../../playground/core/model/presets.py" line="70" />
            <location filename="../../playground/ui/widgets/image_io.py" line="64" />
            <source>{path}: no such file.</source>
            <translation>{path}：文件不存在。</translation>
        </message>
        <message>
            <location filename="../../playground/core/data/csv_data.py" line="101" />
            <location filename="../../playground/ui/dialogs/data_import.py" line="473" />
            <source>{name}: contains NUL bytes; this is not a CSV text file.</source>
            <translation>{name}：包含 NUL 字节；这不是 CSV 文本文件。</translation>
        </message>
        <message>
            <location filename="../../playground/core/data/csv_data.py" line="188" />
            <source>Unknown task '{task}': use classification, regression or auto.</source>
            <translation>未知任务“{task}”：请使用 classification（分类）、regression（回归）或 auto（自动）。</translation>
        </message>
        <message>
            <location filename="../../playground/core/data/csv_data.py" line="199" />
            <source>{name}: need at least two columns (features and a label); the header has {count}.</source>
            <translation>{name}：至少需要两列（特征和一个标签）；表头只有 {count} 列。</translation>
        </message>
        <message>
            <location filename="../../playground/core/data/csv_data.py" line="202" />
            <source>{name}: {count} columns is more than the {limit} this app reads.</source>
            <translation>{name}：{count} 列超出了本应用可读取的 {limit} 列。</translation>
        </message>
        <message>
            <location filename="../../playground/core/data/csv_data.py" line="206" />
            <source>{name}, row 1: column {column} has no name in the header.</source>
            <translation>{name}，第 1 行：表头中第 {column} 列没有名称。</translation>
        </message>
        <message>
            <location filename="../../playground/core/data/csv_data.py" line="210" />
            <source>{name}, row 1: the column name '{column}' appears twice.</source>
            <translation>{name}，第 1 行：列名“{column}”出现了两次。</translation>
        </message>
        <message>
            <location filename="../../playground/core/data/csv_data.py" line="214" />
            <source>{name}: there is no column '{column}'. Columns: {columns}.</source>
            <translation>{name}：没有名为“{column}”的列。现有的列：{columns}。</translation>
        </message>
        <message>
            <location filename="../../playground/core/data/csv_data.py" line="250" />
            <source>{name}: the header is there but no data rows follow.</source>
            <translation>{name}：有表头，但后面没有数据行。</translation>
        </message>
        <message>
            <location filename="../../playground/core/data/csv_data.py" line="266" />
            <source>{name}: '{column}' has {count:,} different values; as classes that is too many (at most {limit}). Is it a regression target?</source>
            <translation>{name}：“{column}”有 {count:,} 个不同的值；作为类别太多了（最多 {limit} 个）。它是否是回归目标？</translation>
        </message>
        <message>
            <location filename="../../playground/core/data/csv_data.py" line="305" />
            <source>{name}, row {row}, column '{column}': {value} is not a number.</source>
            <translation>{name}，第 {row} 行，“{column}”列：{value} 不是数字。</translation>
        </message>
        <message>
            <location filename="../../playground/core/data/csv_data.py" line="308" />
            <source>{name}, row {row}, column '{column}': {value} is not a finite number.</source>
            <translation>{name}，第 {row} 行，“{column}”列：{value} 不是有限数。</translation>
        </message>
        <message>
            <location filename="../../playground/core/data/csv_data.py" line="74" />
            <location filename="../../playground/ui/dialogs/data_import.py" line="470" />
            <source>{name}: cannot be read ({error}).</source>
            <translation>{name}：无法读取（{error}）。</translation>
        </message>
        <message>
            <location filename="../../playground/core/data/csv_data.py" line="136" />
            <source>{name}, line {line}: {count:,} characters is too long for a row of numbers.</source>
            <translation>{name}，第 {line} 行：{count:,} 个字符，对一行数字来说太长了。</translation>
        </message>
        <message>
            <location filename="../../playground/core/data/csv_data.py" line="193" />
            <location filename="../../playground/ui/dialogs/data_import.py" line="491" />
            <source>{name}: the file is empty; it needs a header row and data rows.</source>
            <translation>{name}：文件是空的；需要一行表头和若干数据行。</translation>
        </message>
        <message>
            <location filename="../../playground/core/data/csv_data.py" line="196" />
            <location filename="../../playground/core/data/csv_data.py" line="247" />
            <source>{name}, row {row}: {error}.</source>
            <translation>{name}，第 {row} 行：{error}。</translation>
        </message>
        <message>
            <location filename="../../playground/core/data/csv_data.py" line="256" />
            <source>{name}: regression needs numbers in '{column}', but a row has '{value}'.</source>
            <translation>{name}：回归要求“{column}”中都是数字，但有一行是“{value}”。</translation>
        </message>
        <message>
            <location filename="../../playground/core/data/csv_data.py" line="261" />
            <source>{name}: '{column}' holds a value that is not a finite number.</source>
            <translation>{name}：“{column}”中有一个值不是有限数。</translation>
        </message>
        <message>
            <location filename="../../playground/core/data/csv_data.py" line="227" />
            <source>{name}, row {row}: {count} values but the header has {columns} columns.</source>
            <translation>{name}，第 {row} 行：有 {count} 个值，但表头有 {columns} 列。</translation>
        </message>
        <message>
            <location filename="../../playground/core/data/csv_data.py" line="239" />
            <source>{name}, row {row}: the '{column}' value is empty.</source>
            <translation>{name}，第 {row} 行：“{column}”的值为空。</translation>
        </message>
        <message>
            <location filename="../../playground/core/data/csv_data.py" line="244" />
            <source>{name}: more than {limit:,} rows; use a sample of the data.</source>
            <translation>{name}：超过 {limit:,} 行；请使用数据的一个样本。</translation>
        </message>
        <message>
            <location filename="../../playground/core/data/data_import.py" line="206" />
            <source>{name}: {classes} classes, {height}×{width} images · {train:,} training, {test:,} test images, {validation:,} validation</source>
            <translation>{name}：{classes} 个类别，{height}×{width} 图像 · 训练 {train:,} 张，测试 {test:,} 张，验证 {validation:,} 张</translation>
        </message>
        <message>
            <location filename="../../playground/core/data/data_import.py" line="209" />
            <source>{name}: {classes} classes, {height}×{width} images · {train:,} training, {test:,} test images</source>
            <translation>{name}：{classes} 个类别，{height}×{width} 图像 · 训练 {train:,} 张，测试 {test:,} 张</translation>
        </message>
        <message>
            <location filename="../../playground/core/data/data_import.py" line="192" />
            <source>{name}: {features} features, {classes} classes · {train:,} training, {test:,} test rows, {validation:,} validation</source>
            <translation>{name}：{features} 个特征，{classes} 个类别 · 训练 {train:,} 行，测试 {test:,} 行，验证 {validation:,} 行</translation>
        </message>
        <message>
            <location filename="../../playground/core/data/data_import.py" line="195" />
            <source>{name}: {features} features, {classes} classes · {train:,} training, {test:,} test rows</source>
            <translation>{name}：{features} 个特征，{classes} 个类别 · 训练 {train:,} 行，测试 {test:,} 行</translation>
        </message>
        <message>
            <location filename="../../playground/core/data/data_import.py" line="197" />
            <source>{name}: {features} features, regression · {train:,} training, {test:,} test rows, {validation:,} validation</source>
            <translation>{name}：{features} 个特征，回归 · 训练 {train:,} 行，测试 {test:,} 行，验证 {validation:,} 行</translation>
        </message>
        <message>
            <location filename="../../playground/core/data/data_import.py" line="200" />
            <source>{name}: {features} features, regression · {train:,} training, {test:,} test rows</source>
            <translation>{name}：{features} 个特征，回归 · 训练 {train:,} 行，测试 {test:,} 行</translation>
        </message>
        <message>
            <location filename="../../playground/core/data/data_import.py" line="89" />
            <location filename="../../playground/core/data/image_folder.py" line="301" />
            <location filename="../../playground/core/data/toy_data.py" line="65" />
            <source>The test share must be between 5 % and 90 % (got {share:.0%}).</source>
            <translation>测试集比例必须在 5 % 到 90 % 之间（当前为 {share:.0%}）。</translation>
        </message>
        <message>
            <location filename="../../playground/core/data/data_import.py" line="93" />
            <source>{name}: {count} row(s) are too few to train and test on; at least {minimum} are needed.</source>
            <translation>{name}：{count} 行太少，无法用于训练和测试；至少需要 {minimum} 行。</translation>
        </message>
        <message>
            <location filename="../../playground/core/data/data_import.py" line="127" />
            <source>The validation share must be between 0 and 90 % (got {share:.0%}).</source>
            <translation>验证集比例必须在 0 到 90 % 之间（当前为 {share:.0%}）。</translation>
        </message>
        <message>
            <location filename="../../playground/core/data/data_import.py" line="140" />
            <source>{name}: {count} training row(s) cannot be split into training and validation; use more rows or hold out no validation set.</source>
            <translation>{name}：{count} 行训练数据无法再划分为训练集和验证集；请使用更多行，或不留出验证集。</translation>
        </message>
        <message>
            <location filename="../../playground/core/data/datasets.py" line="52" />
            <source>unsigned byte</source>
            <translation>无符号字节</translation>
        </message>
        <message>
            <location filename="../../playground/core/data/datasets.py" line="53" />
            <source>signed byte</source>
            <translation>有符号字节</translation>
        </message>
        <message>
            <location filename="../../playground/core/data/datasets.py" line="54" />
            <source>16-bit integer</source>
            <translation>16 位整数</translation>
        </message>
        <message>
            <location filename="../../playground/core/data/datasets.py" line="55" />
            <source>32-bit integer</source>
            <translation>32 位整数</translation>
        </message>
        <message>
            <location filename="../../playground/core/data/datasets.py" line="56" />
            <source>32-bit float</source>
            <translation>32 位浮点数</translation>
        </message>
        <message>
            <location filename="../../playground/core/data/datasets.py" line="57" />
            <source>64-bit float</source>
            <translation>64 位浮点数</translation>
        </message>
        <message>
            <location filename="../../playground/core/data/datasets.py" line="246" />
            <source>an IDX file</source>
            <translation>IDX 文件</translation>
        </message>
        <message>
            <location filename="../../playground/core/data/datasets.py" line="368" />
            <source>{name}: truncated — header says {count} images of {height}×{width} but the file holds only {available} bytes of pixel data</source>
            <translation>{name}：文件不完整 — 文件头说明有 {count} 张 {height}×{width} 的图像，但文件中只有 {available} 字节的像素数据</translation>
        </message>
        <message>
            <location filename="../../playground/core/data/datasets.py" line="371" />
            <source>{name}: truncated — header says {count} labels but the file holds only {available} bytes of label data</source>
            <translation>{name}：文件不完整 — 文件头说明有 {count} 个标签，但文件中只有 {available} 字节的标签数据</translation>
        </message>
        <message>
            <location filename="../../playground/core/data/datasets.py" line="576" />
            <source>the training limit</source>
            <translation>训练样本上限</translation>
        </message>
        <message>
            <location filename="../../playground/core/data/datasets.py" line="577" />
            <source>the test limit</source>
            <translation>测试样本上限</translation>
        </message>
        <message>
            <location filename="../../playground/core/data/datasets.py" line="257" />
            <source>0x00000803 or 0x00000801</source>
            <translation>0x00000803 或 0x00000801</translation>
        </message>
        <message>
            <location filename="../../playground/core/data/datasets.py" line="322" />
            <source>{name}: holds more data than the header's {count} images of {height}×{width} need; the file is damaged or not an IDX file</source>
            <translation>{name}：数据多于文件头所述 {count} 张 {height}×{width} 图像所需；文件已损坏或不是 IDX 文件</translation>
        </message>
        <message>
            <location filename="../../playground/core/data/datasets.py" line="325" />
            <source>{name}: holds more data than the header's {count} labels need; the file is damaged or not an IDX file</source>
            <translation>{name}：数据多于文件头所述 {count} 个标签所需；文件已损坏或不是 IDX 文件</translation>
        </message>
        <message>
            <location filename="../../playground/core/data/datasets.py" line="297" />
            <source>{name}: {extra} bytes more than the header's {count} images of {height}×{width} need; the file is damaged or not an IDX file</source>
            <translation>{name}：比文件头所述 {count} 张 {height}×{width} 图像所需多出 {extra} 字节；文件已损坏或不是 IDX 文件</translation>
        </message>
        <message>
            <location filename="../../playground/core/data/datasets.py" line="300" />
            <source>{name}: {extra} bytes more than the header's {count} labels need; the file is damaged or not an IDX file</source>
            <translation>{name}：比文件头所述 {count} 个标签所需多出 {extra} 字节；文件已损坏或不是 IDX 文件</translation>
        </message>
        <message>
            <location filename="../../playground/core/data/datasets.py" line="441" />
            <source>folder {folder} has no {missing}: an MNIST-format folder needs the four files {files} (gzip or raw)</source>
            <translation>文件夹 {folder} 中没有 {missing}：MNIST 格式的文件夹需要以下四个文件：{files}（gzip 压缩或未压缩均可）</translation>
        </message>
        <message>
            <location filename="../../playground/core/data/datasets.py" line="189" />
            <source>{path}: file not found</source>
            <translation>{path}：找不到文件</translation>
        </message>
        <message>
            <location filename="../../playground/core/data/datasets.py" line="245" />
            <source>an IDX image file</source>
            <translation>IDX 图像文件</translation>
        </message>
        <message>
            <location filename="../../playground/core/data/datasets.py" line="245" />
            <source>an IDX label file</source>
            <translation>IDX 标签文件</translation>
        </message>
        <message>
            <location filename="../../playground/core/data/datasets.py" line="250" />
            <source>{name}: the file is empty (no IDX data inside)</source>
            <translation>{name}：文件是空的（没有 IDX 数据）</translation>
        </message>
        <message>
            <location filename="../../playground/core/data/datasets.py" line="252" />
            <source>{name}: not {what} (only {size} bytes long)</source>
            <translation>{name}：不是 {what}（只有 {size} 字节）</translation>
        </message>
        <message>
            <location filename="../../playground/core/data/datasets.py" line="259" />
            <location filename="../../playground/core/data/datasets.py" line="271" />
            <source>{name}: not {what} (magic number 0x{magic:08X}, expected {expected})</source>
            <translation>{name}：不是 {what}（魔数为 0x{magic:08X}，应为 {expected}）</translation>
        </message>
        <message>
            <location filename="../../playground/core/data/datasets.py" line="264" />
            <source>{name}: holds {type} values (IDX type code 0x{code:02X}); only unsigned bytes (0x08) are supported, as in MNIST</source>
            <translation>{name}：值的类型是“{type}”（IDX 类型码 0x{code:02X}）；只支持与 MNIST 相同的无符号字节（0x08）</translation>
        </message>
        <message>
            <location filename="../../playground/core/data/datasets.py" line="277" />
            <source>{name}: an IDX file with {dimensions} dimensions; only images (N×H×W, magic 0x00000803) and labels (N, magic 0x00000801) are supported</source>
            <translation>{name}：这是一个 {dimensions} 维的 IDX 文件；只支持图像（N×H×W，魔数 0x00000803）和标签（N，魔数 0x00000801）</translation>
        </message>
        <message>
            <location filename="../../playground/core/data/datasets.py" line="284" />
            <source>{name}: truncated — the header is cut off</source>
            <translation>{name}：文件不完整 — 文件头被截断了</translation>
        </message>
        <message>
            <location filename="../../playground/core/data/datasets.py" line="336" />
            <source>{name}: the header claims {count:,} items; more than {limit:,} is not a plausible dataset, so the file is probably damaged</source>
            <translation>{name}：文件头声称有 {count:,} 个样本；超过 {limit:,} 个不像是真实的数据集，文件可能已损坏</translation>
        </message>
        <message>
            <location filename="../../playground/core/data/datasets.py" line="412" />
            <source>folder {folder} does not exist</source>
            <translation>文件夹 {folder} 不存在</translation>
        </message>
        <message>
            <location filename="../../playground/core/data/datasets.py" line="415" />
            <source>{folder} is not a folder: choose the folder that holds the IDX files</source>
            <translation>{folder} 不是文件夹：请选择存放 IDX 文件的文件夹</translation>
        </message>
        <message>
            <location filename="../../playground/core/data/datasets.py" line="432" />
            <source>folder {folder} holds several datasets ({options}): choose one of those folders</source>
            <translation>文件夹 {folder} 中有多个数据集（{options}）：请选择其中一个文件夹</translation>
        </message>
        <message>
            <location filename="../../playground/core/data/datasets.py" line="461" />
            <source>{labels_file} holds {labels} labels but {images_file} holds {images} images: the two files must belong to the same set</source>
            <translation>{labels_file} 中有 {labels} 个标签，但 {images_file} 中有 {images} 张图像：这两个文件必须属于同一组数据</translation>
        </message>
        <message>
            <location filename="../../playground/core/data/datasets.py" line="495" />
            <source>{name}: the header says 0 images, so the training set is empty; use a file that holds the training images</source>
            <translation>{name}：文件头说明有 0 张图像，训练集为空；请使用包含训练图像的文件</translation>
        </message>
        <message>
            <location filename="../../playground/core/data/datasets.py" line="500" />
            <source>{name}: the header says 0 images, so the test set is empty; use a file that holds the test images</source>
            <translation>{name}：文件头说明有 0 张图像，测试集为空；请使用包含测试图像的文件</translation>
        </message>
        <message>
            <location filename="../../playground/core/data/datasets.py" line="505" />
            <source>{test_file} holds {test_height}×{test_width} images but {train_file} holds {train_height}×{train_width}: both sets need the same size</source>
            <translation>{test_file} 中是 {test_height}×{test_width} 的图像，但 {train_file} 中是 {train_height}×{train_width}：两组数据的图像尺寸必须相同</translation>
        </message>
        <message>
            <location filename="../../playground/core/data/datasets.py" line="541" />
            <source>validation fraction must be between 0 and {limit} (e.g. 0.1 for 10 %), not {fraction:g}</source>
            <translation>验证集比例必须在 0 到 {limit} 之间（例如 0.1 表示 10 %），而不是 {fraction:g}</translation>
        </message>
        <message>
            <location filename="../../playground/core/data/datasets.py" line="549" />
            <source>{name}: {count} training item(s) cannot be split into training and validation; use more training items or hold out no validation set</source>
            <translation>{name}：{count} 个训练样本无法再划分为训练集和验证集；请使用更多训练样本，或不留出验证集</translation>
        </message>
        <message>
            <location filename="../../playground/core/data/datasets.py" line="564" />
            <source>{what} must be a whole number of 1 or more, not {value}</source>
            <translation>{what}必须是大于等于 1 的整数，而不是 {value}</translation>
        </message>
        <message>
            <location filename="../../playground/core/data/datasets.py" line="188" />
            <source>{path}: not a file</source>
            <translation>{path}：不是文件</translation>
        </message>
        <message>
            <location filename="../../playground/core/data/datasets.py" line="211" />
            <source>{name}: cannot read the file ({reason})</source>
            <translation>{name}：无法读取文件（{reason}）</translation>
        </message>
        <message>
            <location filename="../../playground/core/data/datasets.py" line="305" />
            <source>{name}: truncated — the file changed while it was read</source>
            <translation>{name}：文件不完整 — 读取过程中文件发生了变化</translation>
        </message>
        <message>
            <location filename="../../playground/core/data/datasets.py" line="344" />
            <source>{name}: the header claims images of {height}×{width} pixels; sizes from 1×1 to {limit}×{limit} are supported, so the file is probably damaged</source>
            <translation>{name}：文件头声称图像为 {height}×{width} 像素；支持的尺寸为 1×1 到 {limit}×{limit}，文件可能已损坏</translation>
        </message>
        <message>
            <location filename="../../playground/core/data/datasets.py" line="352" />
            <source>{name}: the header claims {count:,} images of {height}×{width} ({size:.1f} GiB); at most {limit} GiB is supported</source>
            <translation>{name}：文件头声称有 {count:,} 张 {height}×{width} 的图像（{size:.1f} GiB）；最多支持 {limit} GiB</translation>
        </message>
        <message>
            <location filename="../../playground/core/data/datasets.py" line="472" />
            <source>{name}: label {label} (first bad one at position {position}) is out of range: this dataset has {classes} classes, labels 0–{last}</source>
            <translation>{name}：标签 {label}（第一个出错的位于第 {position} 位）超出范围：该数据集有 {classes} 个类别，标签应为 0–{last}</translation>
        </message>
        <message>
            <location filename="../../playground/core/data/datasets.py" line="195" />
            <source>{name}: the file is empty</source>
            <translation>{name}：文件是空的</translation>
        </message>
        <message>
            <location filename="../../playground/core/data/datasets.py" line="207" />
            <source>{name}: the gzip data is corrupt or cut off ({reason}); download the file again</source>
            <translation>{name}：gzip 数据已损坏或被截断（{reason}）；请重新下载该文件</translation>
        </message>
        <message>
            <location filename="../../playground/core/data/image_folder.py" line="169" />
            <source>no decoder for {suffix} here (this reader knows {known})</source>
            <translation>这里没有 {suffix} 的解码器（此读取器支持 {known}）</translation>
        </message>
        <message>
            <location filename="../../playground/core/data/image_folder.py" line="171" />
            <source>no decoder for files without a suffix here (this reader knows {known})</source>
            <translation>这里没有无扩展名文件的解码器（此读取器支持 {known}）</translation>
        </message>
        <message>
            <location filename="../../playground/core/data/image_folder.py" line="416" />
            <source>the image is too large or malformed</source>
            <translation>图像太大或格式有误</translation>
        </message>
        <message>
            <location filename="../../playground/core/data/image_folder.py" line="103" />
            <source>{folder}: no sub-folders. An image folder needs one sub-folder per class (e.g. cats/, dogs/), each holding that class's images. It holds {count} image file(s) directly: put each class's images in a sub-folder named after the class.</source>
            <translation>{folder}：没有子文件夹。图像文件夹需要为每个类别建一个子文件夹（例如 cats/、dogs/），每个子文件夹存放该类别的图像。该文件夹中直接放了 {count} 个图像文件：请把每个类别的图像放进以类别命名的子文件夹。</translation>
        </message>
        <message>
            <location filename="../../playground/core/data/image_folder.py" line="107" />
            <source>{folder}: no sub-folders. An image folder needs one sub-folder per class (e.g. cats/, dogs/), each holding that class's images.</source>
            <translation>{folder}：没有子文件夹。图像文件夹需要为每个类别建一个子文件夹（例如 cats/、dogs/），每个子文件夹存放该类别的图像。</translation>
        </message>
        <message>
            <location filename="../../playground/core/data/image_folder.py" line="136" />
            <source>{folder}: a classifier needs at least two classes, but only '{name}' has images ({suffixes}).</source>
            <translation>{folder}：分类器至少需要两个类别，但只有“{name}”中有图像（{suffixes}）。</translation>
        </message>
        <message>
            <location filename="../../playground/core/data/image_folder.py" line="139" />
            <source>{folder}: a classifier needs at least two classes, but none of the sub-folders holds images ({suffixes}).</source>
            <translation>{folder}：分类器至少需要两个类别，但没有任何子文件夹中有图像（{suffixes}）。</translation>
        </message>
        <message>
            <location filename="../../playground/core/data/image_folder.py" line="177" />
            <source>not a PGM/PPM/PBM file (the 'P1'–'P6' signature is missing)</source>
            <translation>不是 PGM/PPM/PBM 文件（缺少“P1”–“P6”标识）</translation>
        </message>
        <message>
            <location filename="../../playground/core/data/image_folder.py" line="258" />
            <location filename="../../playground/core/data/image_folder.py" line="278" />
            <source>the image has no pixels</source>
            <translation>图像中没有像素</translation>
        </message>
        <message>
            <location filename="../../playground/core/data/image_folder.py" line="355" />
            <source>{folder}: {count:,} RGB images of {height}×{width} would need {size:.1f} GB; choose a smaller size.</source>
            <translation>{folder}：{count:,} 张 {height}×{width} 的 RGB 图像需要 {size:.1f} GB；请选择更小的尺寸。</translation>
        </message>
        <message>
            <location filename="../../playground/core/data/image_folder.py" line="358" />
            <source>{folder}: {count:,} images of {height}×{width} would need {size:.1f} GB; choose a smaller size.</source>
            <translation>{folder}：{count:,} 张 {height}×{width} 的图像需要 {size:.1f} GB；请选择更小的尺寸。</translation>
        </message>
        <message>
            <location filename="../../playground/core/data/image_folder.py" line="193" />
            <source>the header is damaged or truncated</source>
            <translation>文件头已损坏或被截断</translation>
        </message>
        <message>
            <location filename="../../playground/core/data/image_folder.py" line="195" />
            <source>the header holds an implausibly large number</source>
            <translation>文件头中的数字大得不合理</translation>
        </message>
        <message>
            <location filename="../../playground/core/data/image_folder.py" line="93" />
            <source>{folder}: not a folder.</source>
            <translation>{folder}：不是文件夹。</translation>
        </message>
        <message>
            <location filename="../../playground/core/data/image_folder.py" line="131" />
            <source>{folder}: {count:,} classes is more than the {limit:,} this app trains on.</source>
            <translation>{folder}：{count:,} 个类别超过了本应用可训练的 {limit:,} 个。</translation>
        </message>
        <message>
            <location filename="../../playground/core/data/image_folder.py" line="150" />
            <source>{size:.0f} MB is too large for one image</source>
            <translation>单张图像 {size:.0f} MB，太大了</translation>
        </message>
        <message>
            <location filename="../../playground/core/data/image_folder.py" line="200" />
            <source>the header says {width}×{height} pixels</source>
            <translation>文件头说明为 {width}×{height} 像素</translation>
        </message>
        <message>
            <location filename="../../playground/core/data/image_folder.py" line="202" />
            <location filename="../../playground/core/data/image_folder.py" line="260" />
            <location filename="../../playground/core/data/image_folder.py" line="280" />
            <source>{width}×{height} pixels is too large</source>
            <translation>{width}×{height} 像素太大了</translation>
        </message>
        <message>
            <location filename="../../playground/core/data/image_folder.py" line="204" />
            <source>the maximum value {value} is outside 1…65535</source>
            <translation>最大值 {value} 不在 1…65535 范围内</translation>
        </message>
        <message>
            <location filename="../../playground/core/data/image_folder.py" line="216" />
            <source>a pixel value is not a number</source>
            <translation>有一个像素值不是数字</translation>
        </message>
        <message>
            <location filename="../../playground/core/data/image_folder.py" line="255" />
            <location filename="../../playground/core/data/image_folder.py" line="275" />
            <source>an array of shape {shape} is not an image (expected H×W or H×W×3)</source>
            <translation>形状为 {shape} 的数组不是图像（应为 H×W 或 H×W×3）</translation>
        </message>
        <message>
            <location filename="../../playground/core/data/image_folder.py" line="298" />
            <source>The image size must be two whole numbers from {low} to {high} (got {size}).</source>
            <translation>图像尺寸必须是两个 {low} 到 {high} 之间的整数（当前为 {size}）。</translation>
        </message>
        <message>
            <location filename="../../playground/core/data/image_folder.py" line="344" />
            <source>The colour mode must be one of {modes} (got {mode}).</source>
            <translation>颜色模式必须是 {modes} 之一（当前为 {mode}）。</translation>
        </message>
        <message>
            <location filename="../../playground/core/data/image_folder.py" line="388" />
            <source>{folder}: fewer than two classes have readable images.</source>
            <translation>{folder}：有可读图像的类别不足两个。</translation>
        </message>
        <message>
            <location filename="../../playground/core/data/image_folder.py" line="392" />
            <source>{folder}: {count} image(s) are too few to split into training and test parts; each class needs at least two.</source>
            <translation>{folder}：{count} 张图像太少，无法划分为训练集和测试集；每个类别至少需要两张。</translation>
        </message>
        <message>
            <location filename="../../playground/core/data/image_folder.py" line="97" />
            <source>{folder}: cannot be read ({reason}).</source>
            <translation>{folder}：无法读取（{reason}）。</translation>
        </message>
        <message>
            <location filename="../../playground/core/data/image_folder.py" line="128" />
            <source>{folder}: more than {limit:,} images; use a sample of them.</source>
            <translation>{folder}：图像超过 {limit:,} 张；请使用其中的一个样本。</translation>
        </message>
        <message>
            <location filename="../../playground/core/data/image_folder.py" line="219" />
            <location filename="../../playground/core/data/image_folder.py" line="235" />
            <source>the file is truncated: {found:,} of {count:,} values</source>
            <translation>文件不完整：只有 {found:,} 个值，应有 {count:,} 个</translation>
        </message>
        <message>
            <location filename="../../playground/core/data/image_folder.py" line="243" />
            <source>a pixel value exceeds the file's maximum {value}</source>
            <translation>有一个像素值超过了文件声明的最大值 {value}</translation>
        </message>
        <message>
            <location filename="../../playground/core/data/image_folder.py" line="117" />
            <source>{folder}/: cannot be read ({reason}).</source>
            <translation>{folder}/：无法读取（{reason}）。</translation>
        </message>
        <message>
            <location filename="../../playground/core/data/image_folder.py" line="159" />
            <source>the array holds {dtype}, not pixel values</source>
            <translation>数组存放的是 {dtype}，不是像素值</translation>
        </message>
        <message>
            <location filename="../../playground/core/data/image_folder.py" line="161" />
            <source>the array header says {shape} but the file is too short</source>
            <translation>数组头说明形状为 {shape}，但文件太短</translation>
        </message>
        <message>
            <location filename="../../playground/core/data/image_folder.py" line="228" />
            <source>the file is truncated: {found:,} of {count:,} bytes</source>
            <translation>文件不完整：只有 {found:,} 字节，应有 {count:,} 字节</translation>
        </message>
        <message>
            <location filename="../../playground/core/data/preprocessing.py" line="73" />
            <source>the image is empty (it has no pixels)</source>
            <translation>图像是空的（没有像素）</translation>
        </message>
        <message>
            <location filename="../../playground/core/data/preprocessing.py" line="81" />
            <location filename="../../playground/core/data/preprocessing.py" line="76" />
            <location filename="../../playground/ui/workspaces/inside/canvas.py" line="571" />
            <source>the image contains NaN or infinite values</source>
            <translation>图像中含有 NaN 或无穷大的值</translation>
        </message>
        <message>
            <location filename="../../playground/core/data/preprocessing.py" line="71" />
            <source>the image must hold numbers, not {dtype}</source>
            <translation>图像必须存放数字，而不是 {dtype}</translation>
        </message>
        <message>
            <location filename="../../playground/core/data/preprocessing.py" line="104" />
            <source>expected a grayscale (H×W), RGB (H×W×3) or RGBA (H×W×4) image, got shape {shape}</source>
            <translation>需要灰度（H×W）、RGB（H×W×3）或 RGBA（H×W×4）图像，但得到的形状是 {shape}</translation>
        </message>
        <message>
            <location filename="../../playground/core/data/toy_data.py" line="16" />
            <source>circle</source>
            <translation>圆形数据</translation>
        </message>
        <message>
            <location filename="../../playground/core/data/toy_data.py" line="16" />
            <source>xor</source>
            <translation>XOR 数据</translation>
        </message>
        <message>
            <location filename="../../playground/core/data/toy_data.py" line="16" />
            <source>gaussians</source>
            <translation>高斯簇数据</translation>
        </message>
        <message>
            <location filename="../../playground/core/data/toy_data.py" line="16" />
            <source>spiral</source>
            <translation>螺旋数据</translation>
        </message>
        <message>
            <location filename="../../playground/core/data/toy_data.py" line="17" />
            <source>moons</source>
            <translation>双月数据</translation>
        </message>
        <message>
            <location filename="../../playground/core/data/toy_data.py" line="76" />
            <source>Unknown data set '{name}'. Choose one of: {options}.</source>
            <translation>未知的数据集“{name}”。可选：{options}。</translation>
        </message>
        <message>
            <location filename="../../playground/core/data/toy_data.py" line="119" />
            <source>Unknown function '{name}'. Choose one of: {options}.</source>
            <translation>未知的函数“{name}”。可选：{options}。</translation>
        </message>
        <message>
            <location filename="../../playground/core/data/toy_data.py" line="136" />
            <source>Unknown surface '{name}'. Choose one of: {options}.</source>
            <translation>未知的曲面“{name}”。可选：{options}。</translation>
        </message>
        <message>
            <location filename="../../playground/core/data/toy_data.py" line="220" />
            <source>Unknown kind of problem '{name}'. Choose one of: {options}.</source>
            <translation>未知的问题类型“{name}”。可选：{options}。</translation>
        </message>
        <message>
            <location filename="../../playground/core/data/toy_data.py" line="154" />
            <source>Choose at least one input feature.</source>
            <translation>请至少选择一个输入特征。</translation>
        </message>
        <message>
            <location filename="../../playground/core/data/toy_data.py" line="60" />
            <source>Number of points must be a whole number from 10 to {most:,} (got {got}).</source>
            <translation>点数必须是 10 到 {most:,} 之间的整数（当前为 {got}）。</translation>
        </message>
        <message>
            <location filename="../../playground/core/data/toy_data.py" line="63" />
            <source>Noise must be between 0 and 1 (got {got}).</source>
            <translation>噪声必须在 0 到 1 之间（当前为 {got}）。</translation>
        </message>
        <message>
            <location filename="../../playground/core/data/toy_data.py" line="78" />
            <source>Number of classes must be 2 to 5 (got {got}).</source>
            <translation>类别数必须在 2 到 5 之间（当前为 {got}）。</translation>
        </message>
        <message>
            <location filename="../../playground/core/data/toy_data.py" line="151" />
            <source>Unknown feature {name}. Choose from: {options}.</source>
            <translation>未知的特征 {name}。可选：{options}。</translation>
        </message>
        <message>
            <location filename="../../playground/core/data/toy_data.py" line="172" />
            <location filename="../../playground/core/explain/boundary.py" line="106" />
            <source>Grid resolution must be 4 to 1000 (got {got}).</source>
            <translation>网格分辨率必须在 4 到 1000 之间（当前为 {got}）。</translation>
        </message>
        <message>
            <location filename="../../playground/core/data/toy_data.py" line="230" />
            <source>A 1-D function has only x1: feature {name} is not available (choose from {options}).</source>
            <translation>一维函数只有 x1：特征 {name} 不可用（可选：{options}）。</translation>
        </message>
        <message>
            <location filename="../../playground/core/data/training_data.py" line="100" />
            <location filename="../../playground/ui/shell/head_check.py" line="141" />
            <source>the data</source>
            <translation>该数据</translation>
        </message>
        <message>
            <location filename="../../playground/core/data/training_data.py" line="77" />
            <source>'{name}' is a set of labelled images: regression needs numeric targets (a CSV file or the 2-D surfaces).</source>
            <translation>“{name}”是一组带标签的图像：回归需要数值目标（CSV 文件或二维曲面数据）。</translation>
        </message>
        <message>
            <location filename="../../playground/core/data/training_data.py" line="63" />
            <source>'{name}' has one label per row: multi-label needs several 0/1 label columns.</source>
            <translation>“{name}”每行只有一个标签：多标签任务需要多个 0/1 标签列。</translation>
        </message>
        <message>
            <location filename="../../playground/core/data/training_data.py" line="95" />
            <source>Binary classification needs exactly two classes; '{name}' has {count}: choose multi-class.</source>
            <translation>二分类恰好需要两个类别；“{name}”有 {count} 个：请选择多分类。</translation>
        </message>
        <message>
            <location filename="../../playground/core/data/training_data.py" line="57" />
            <source>'{name}' has numeric targets: choose the regression task.</source>
            <translation>“{name}”的目标是数值：请选择回归任务。</translation>
        </message>
        <message>
            <location filename="../../playground/core/data/training_data.py" line="70" />
            <source>Multi-label needs the digits 0–9 (their attributes {attributes} are the labels); '{name}' has other classes.</source>
            <translation>多标签任务需要数字 0–9（以它们的属性 {attributes} 作为标签）；“{name}”的类别不是这些数字。</translation>
        </message>
        <message>
            <location filename="../../playground/core/data/training_data.py" line="115" />
            <source>The test set's inputs are {test} but the training set's are {train}.</source>
            <translation>测试集的输入是 {test}，但训练集的输入是 {train}。</translation>
        </message>
        <message>
            <location filename="../../playground/core/data/training_data.py" line="53" />
            <source>'{name}' has class labels, not numbers: choose a classification task.</source>
            <translation>“{name}”的目标是类别标签，不是数值：请选择分类任务。</translation>
        </message>
        <message>
            <location filename="../../playground/core/explain/adversarial.py" line="104" />
            <source>Fool it needs a network that picks one class; this one says yes or no to each label on its own.</source>
            <translation>“骗过它”需要一个只选出一个类别的网络；这个网络对每个标签分别回答是或否。</translation>
        </message>
        <message>
            <location filename="../../playground/core/explain/backprop_steps.py" line="193" />
            <source>The network has no Linear layer to backpropagate through.</source>
            <translation>网络中没有可以进行反向传播的 Linear 层。</translation>
        </message>
        <message>
            <location filename="../../playground/core/explain/backprop_steps.py" line="333" />
            <source>Only a plain Adam or AdamW optimizer's state can be shown step by step.</source>
            <translation>只有普通的 Adam 或 AdamW 优化器的状态才能逐步展示。</translation>
        </message>
        <message>
            <location filename="../../playground/core/explain/backprop_steps.py" line="284" />
            <source>Adam counts its steps from 1, not {step}.</source>
            <translation>Adam 的步数从 1 开始计，而不是 {step}。</translation>
        </message>
        <message>
            <location filename="../../playground/core/explain/backprop_steps.py" line="182" />
            <source>The network ends with {type}: the step-through applies softmax and cross-entropy to the last Linear layer's outputs itself, as nn.CrossEntropyLoss does, so end the network with Linear.</source>
            <translation>网络以 {type} 结尾：逐步演示会像 nn.CrossEntropyLoss 一样，自己对最后一个 Linear 层的输出应用 softmax 和交叉熵，所以请让网络以 Linear 结尾。</translation>
        </message>
        <message>
            <location filename="../../playground/core/explain/backprop_steps.py" line="186" />
            <source>Backpropagation step by step works on dense networks: Flatten, then Linear layers, each followed by at most one activation ({activations}). {name} ({type}) does not fit that.</source>
            <translation>逐步反向传播适用于全连接网络：先 Flatten，然后是若干 Linear 层，每层后面最多跟一个激活函数（{activations}）。{name}（{type}）不符合这一结构。</translation>
        </message>
        <message>
            <location filename="../../playground/core/explain/boundary.py" line="61" />
            <source>A playground network takes 1 to 64 inputs (got {got}).</source>
            <translation>演练场网络的输入数必须在 1 到 64 之间（当前为 {got}）。</translation>
        </message>
        <message>
            <location filename="../../playground/core/explain/boundary.py" line="63" />
            <source>At most {most} hidden layers (got {got}).</source>
            <translation>最多 {most} 个隐藏层（当前为 {got}）。</translation>
        </message>
        <message>
            <location filename="../../playground/core/explain/boundary.py" line="66" />
            <source>Each hidden layer has 1 to {most} neurons (got {got}).</source>
            <translation>每个隐藏层有 1 到 {most} 个神经元（当前为 {got}）。</translation>
        </message>
        <message>
            <location filename="../../playground/core/explain/boundary.py" line="69" />
            <source>Unknown activation '{name}'. Choose one of: {options}.</source>
            <translation>未知的激活函数“{name}”。可选：{options}。</translation>
        </message>
        <message>
            <location filename="../../playground/core/explain/boundary.py" line="72" />
            <source>Unknown output activation '{name}'. Choose one of: {options}.</source>
            <translation>未知的输出激活函数“{name}”。可选：{options}。</translation>
        </message>
        <message>
            <location filename="../../playground/core/explain/boundary.py" line="190" />
            <source>The network has no Linear layer to draw.</source>
            <translation>网络中没有可绘制的 Linear 层。</translation>
        </message>
        <message>
            <location filename="../../playground/core/explain/conv_steps.py" line="84" />
            <source>The input size</source>
            <translation>输入尺寸</translation>
        </message>
        <message>
            <location filename="../../playground/core/explain/conv_steps.py" line="85" />
            <source>The kernel size</source>
            <translation>卷积核尺寸</translation>
        </message>
        <message>
            <location filename="../../playground/core/explain/conv_steps.py" line="86" />
            <source>The stride</source>
            <translation>步幅</translation>
        </message>
        <message>
            <location filename="../../playground/core/explain/conv_steps.py" line="88" />
            <source>Padding 'same' only works with stride 1 in PyTorch: set the stride to 1 or give the padding as a number.</source>
            <translation>在 PyTorch 中，填充 'same' 只能与步幅 1 一起使用：请把步幅设为 1，或用数字指定填充。</translation>
        </message>
        <message>
            <location filename="../../playground/core/explain/conv_steps.py" line="94" />
            <source>The padding</source>
            <translation>填充</translation>
        </message>
        <message>
            <location filename="../../playground/core/explain/conv_steps.py" line="341" />
            <source>{name} has {conv:,} parameters: its kernels are shared by every position. A Linear layer from the same {inputs:,} inputs to the same {outputs:,} outputs would need {dense:,}, {ratio:,.0f} times as many.</source>
            <translation>{name} 有 {conv:,} 个参数：它的卷积核在每个位置共享。从同样的 {inputs:,} 个输入连到同样的 {outputs:,} 个输出的 Linear 层需要 {dense:,} 个参数，是它的 {ratio:,.0f} 倍。</translation>
        </message>
        <message>
            <location filename="../../playground/core/explain/conv_steps.py" line="91" />
            <source>The padding must be {words} or a whole number, not '{value}'.</source>
            <translation>填充必须是 {words} 或一个整数，而不是 '{value}'。</translation>
        </message>
        <message>
            <location filename="../../playground/core/explain/conv_steps.py" line="97" />
            <source>The {kernel}×{kernel} kernel does not fit the {size}×{size} input with padding {padding}: use a smaller kernel or more padding.</source>
            <translation>{kernel}×{kernel} 的卷积核放不进填充为 {padding} 的 {size}×{size} 输入：请使用更小的卷积核或更多的填充。</translation>
        </message>
        <message>
            <location filename="../../playground/core/explain/conv_steps.py" line="116" />
            <source>{what} must be a whole number from {low} to {high}, not {value}.</source>
            <translation>{what}必须是 {low} 到 {high} 之间的整数，而不是 {value}。</translation>
        </message>
        <message>
            <location filename="../../playground/core/explain/conv_steps.py" line="299" />
            <source>{name} is not a {types} layer of this network.</source>
            <translation>{name} 不是这个网络中的 {types} 层。</translation>
        </message>
        <message>
            <location filename="../../playground/core/explain/conv_steps.py" line="308" />
            <source>{name} has {count} channels, numbered 0 to {last}; there is no channel {channel}.</source>
            <translation>{name} 有 {count} 个通道，编号为 0 到 {last}；没有通道 {channel}。</translation>
        </message>
        <message>
            <location filename="../../playground/core/explain/conv_steps.py" line="353" />
            <source>{name} is not a convolution layer with known shapes.</source>
            <translation>{name} 不是形状已知的卷积层。</translation>
        </message>
        <message>
            <location filename="../../playground/core/explain/inspection.py" line="228" />
            <source>Some gradients are NaN or infinite: the weights are about to diverge; lower the learning rate.</source>
            <translation>部分梯度为 NaN 或无穷大：权重即将发散；请降低学习率。</translation>
        </message>
        <message>
            <location filename="../../playground/core/explain/inspection.py" line="239" />
            <source>Exploding gradients: {name} has a gradient norm of {norm:.1e}. Lower the learning rate.</source>
            <translation>梯度爆炸：{name} 的梯度范数为 {norm:.1e}。请降低学习率。</translation>
        </message>
        <message>
            <location filename="../../playground/core/explain/inspection.py" line="222" />
            <source>{fraction:.0%} of the units after {name} never fire on the probe digits (dead ReLUs): lower the learning rate, or try LeakyReLU.</source>
            <translation>{name} 之后有 {fraction:.0%} 的神经元在探测数字上从不激活（死亡 ReLU）：请降低学习率，或试试 LeakyReLU。</translation>
        </message>
        <message>
            <location filename="../../playground/core/explain/inspection.py" line="233" />
            <source>Vanishing gradients: the first layer ({first_name}) gets {first:.1e}, the last ({last_name}) {last:.1e}. Deep Sigmoid/Tanh stacks do this; ReLU or BatchNorm help.</source>
            <translation>梯度消失：第一层（{first_name}）得到 {first:.1e}，最后一层（{last_name}）得到 {last:.1e}。很深的 Sigmoid/Tanh 堆叠会这样；ReLU 或 BatchNorm 有帮助。</translation>
        </message>
        <message>
            <location filename="../../playground/core/explain/learn_topics.py" line="55" />
            <location filename="../../playground/core/explain/learn_topics.py" line="119" />
            <location filename="../../playground/ui/shell/window_layout.py" line="58" />
            <source>Diagram</source>
            <translation>网络图</translation>
        </message>
        <message>
            <location filename="../../playground/core/explain/learn_topics.py" line="74" />
            <location filename="../../playground/core/explain/learn_topics.py" line="97" />
            <location filename="../../playground/core/explain/learn_topics.py" line="184" />
            <location filename="../../playground/ui/shell/window_layout.py" line="59" />
            <source>Inside</source>
            <translation>网络内部</translation>
        </message>
        <message>
            <location filename="../../playground/core/explain/learn_topics.py" line="139" />
            <location filename="../../playground/core/explain/learn_topics.py" line="265" />
            <location filename="../../playground/ui/shell/window_layout.py" line="58" />
            <source>Draw</source>
            <translation>手写</translation>
        </message>
        <message>
            <location filename="../../playground/core/explain/learn_topics.py" line="160" />
            <location filename="../../playground/ui/shell/window_layout.py" line="58" />
            <source>Training curves</source>
            <translation>训练曲线</translation>
        </message>
        <message>
            <location filename="../../playground/core/explain/learn_topics.py" line="202" />
            <location filename="../../playground/core/explain/learn_topics.py" line="220" />
            <location filename="../../playground/ui/shell/window_layout.py" line="59" />
            <location filename="../../playground/ui/shell/window_layout.py" line="93" />
            <source>Matrices</source>
            <translation>矩阵</translation>
        </message>
        <message>
            <location filename="../../playground/core/explain/learn_topics.py" line="241" />
            <location filename="../../playground/ui/shell/tour.py" line="347" />
            <location filename="../../playground/ui/shell/window_layout.py" line="59" />
            <source>Evaluation</source>
            <translation>评估</translation>
        </message>
        <message>
            <location filename="../../playground/core/explain/learn_topics.py" line="288" />
            <location filename="../../playground/ui/shell/window_layout.py" line="62" />
            <source>Fool it</source>
            <translation>骗过它</translation>
        </message>
        <message>
            <location filename="../../playground/core/explain/learn_topics.py" line="317" />
            <location filename="../../playground/ui/shell/window_layout.py" line="62" />
            <source>Projector</source>
            <translation>投影</translation>
        </message>
        <message>
            <location filename="../../playground/core/explain/matrix_ops.py" line="49" />
            <location filename="../../playground/core/explain/matrix_ops.py" line="343" />
            <source>scalar</source>
            <translation>标量</translation>
        </message>
        <message>
            <location filename="../../playground/core/explain/matrix_ops.py" line="292" />
            <source>{left} and {right} are equal (largest difference {diff:.3g}).</source>
            <translation>{left} 与 {right} 相等（最大差值 {diff:.3g}）。</translation>
        </message>
        <message>
            <location filename="../../playground/core/explain/matrix_ops.py" line="293" />
            <source>{left} and {right} are not equal (largest difference {diff:.3g}).</source>
            <translation>{left} 与 {right} 不相等（最大差值 {diff:.3g}）。</translation>
        </message>
        <message>
            <location filename="../../playground/core/explain/matrix_ops.py" line="358" />
            <source>scalar (rank 0)</source>
            <translation>标量（0 阶）</translation>
        </message>
        <message>
            <location filename="../../playground/core/explain/matrix_ops.py" line="358" />
            <source>vector (rank 1)</source>
            <translation>向量（1 阶）</translation>
        </message>
        <message>
            <location filename="../../playground/core/explain/matrix_ops.py" line="358" />
            <source>matrix (rank 2)</source>
            <translation>矩阵（2 阶）</translation>
        </message>
        <message>
            <location filename="../../playground/core/explain/matrix_ops.py" line="358" />
            <source>3-D tensor (rank 3)</source>
            <translation>三维张量（3 阶）</translation>
        </message>
        <message>
            <location filename="../../playground/core/explain/matrix_ops.py" line="60" />
            <source>the cell is empty; type a number.</source>
            <translation>单元格为空，请输入一个数字。</translation>
        </message>
        <message>
            <location filename="../../playground/core/explain/matrix_ops.py" line="74" />
            <source>'{text}' is not a number.</source>
            <translation>“{text}”不是数字。</translation>
        </message>
        <message>
            <location filename="../../playground/core/explain/matrix_ops.py" line="76" />
            <source>{text} is not a finite number; use an ordinary number.</source>
            <translation>{text} 不是有限数，请使用普通的数字。</translation>
        </message>
        <message>
            <location filename="../../playground/core/explain/matrix_ops.py" line="79" />
            <source>{value:g} is too large (at most {limit:g}).</source>
            <translation>{value:g} 太大了（最大为 {limit:g}）。</translation>
        </message>
        <message>
            <location filename="../../playground/core/explain/matrix_ops.py" line="89" />
            <location filename="../../playground/core/explain/matrix_ops.py" line="95" />
            <source>Nothing to read: paste numbers, one row per line.</source>
            <translation>没有可读取的内容：请粘贴数字，每一行文字对应矩阵的一行。</translation>
        </message>
        <message>
            <location filename="../../playground/core/explain/matrix_ops.py" line="104" />
            <source>{rows}×{cols} is larger than this panel's {side}×{side}; use a smaller matrix.</source>
            <translation>{rows}×{cols} 超出了本面板的上限 {side}×{side}，请使用更小的矩阵。</translation>
        </message>
        <message>
            <location filename="../../playground/core/explain/matrix_ops.py" line="112" />
            <source>{count} rows is far more than this panel's {side}.</source>
            <translation>{count} 行远远超过本面板的上限 {side} 行。</translation>
        </message>
        <message>
            <location filename="../../playground/core/explain/matrix_ops.py" line="132" />
            <source>The pasted text is too long for a 12×12 matrix.</source>
            <translation>粘贴的文本太长，不可能是不超过 12×12 的矩阵。</translation>
        </message>
        <message>
            <location filename="../../playground/core/explain/matrix_ops.py" line="141" />
            <source>Write the matrix as a list of rows, like [[1, 2], [3, 4]].</source>
            <translation>请把矩阵写成由各行组成的列表，例如 [[1, 2], [3, 4]]。</translation>
        </message>
        <message>
            <location filename="../../playground/core/explain/matrix_ops.py" line="200" />
            <source>{x} is {a_shape} and {y} is {b_shape}: {x} has {columns} but {y} has {rows}, so {x}·{y} is undefined.</source>
            <translation>{x} 是 {a_shape}，{y} 是 {b_shape}：{x} 有 {columns}，而 {y} 有 {rows}，所以 {x}·{y} 没有定义。</translation>
        </message>
        <message>
            <location filename="../../playground/core/explain/matrix_ops.py" line="343" />
            <source>one number, e.g. the loss</source>
            <translation>一个数，例如损失</translation>
        </message>
        <message>
            <location filename="../../playground/core/explain/matrix_ops.py" line="345" />
            <source>vector</source>
            <translation>向量</translation>
        </message>
        <message>
            <location filename="../../playground/core/explain/matrix_ops.py" line="346" />
            <source>a list of numbers, e.g. b^[i] or one flat image</source>
            <translation>一列数，例如 b^[i] 或一张展平的图像</translation>
        </message>
        <message>
            <location filename="../../playground/core/explain/matrix_ops.py" line="347" />
            <source>matrix</source>
            <translation>矩阵</translation>
        </message>
        <message>
            <location filename="../../playground/core/explain/matrix_ops.py" line="347" />
            <source>rows and columns, e.g. W^[i]</source>
            <translation>由行和列组成，例如 W^[i]</translation>
        </message>
        <message>
            <location filename="../../playground/core/explain/matrix_ops.py" line="349" />
            <source>3-D tensor</source>
            <translation>三维张量</translation>
        </message>
        <message>
            <location filename="../../playground/core/explain/matrix_ops.py" line="350" />
            <source>a stack of matrices, e.g. the feature maps of one image (channels×height×width)</source>
            <translation>一叠矩阵，例如一张图像的特征图（通道×高×宽）</translation>
        </message>
        <message>
            <location filename="../../playground/core/explain/matrix_ops.py" line="100" />
            <source>Row {number} has {count} numbers but row 1 has {width}: every row needs the same count.</source>
            <translation>第 {number} 行有 {count} 个数，而第 1 行有 {width} 个：每一行的个数必须相同。</translation>
        </message>
        <message>
            <location filename="../../playground/core/explain/matrix_ops.py" line="137" />
            <source>Could not read that as a list literal: write it like [[1, 2], [3, 4]].</source>
            <translation>无法把它读作列表字面量：请写成 [[1, 2], [3, 4]] 这样的形式。</translation>
        </message>
        <message>
            <location filename="../../playground/core/explain/matrix_ops.py" line="147" />
            <source>Row {number} is not a list of numbers.</source>
            <translation>第 {number} 行不是由数字组成的列表。</translation>
        </message>
        <message>
            <location filename="../../playground/core/explain/matrix_ops.py" line="191" />
            <source>{count} column</source>
            <translation>{count} 列</translation>
        </message>
        <message>
            <location filename="../../playground/core/explain/matrix_ops.py" line="191" />
            <source>{count} columns</source>
            <translation>{count} 列</translation>
        </message>
        <message>
            <location filename="../../playground/core/explain/matrix_ops.py" line="192" />
            <source>{count} row</source>
            <translation>{count} 行</translation>
        </message>
        <message>
            <location filename="../../playground/core/explain/matrix_ops.py" line="192" />
            <source>{count} rows</source>
            <translation>{count} 行</translation>
        </message>
        <message>
            <location filename="../../playground/core/explain/matrix_ops.py" line="195" />
            <source>{x} is {a_shape} and {y} is {b_shape}: {x} has {columns} but {y} has {rows}, so {x}·{y} is undefined ({y}·{x} is {shape}).</source>
            <translation>{x} 是 {a_shape}，{y} 是 {b_shape}：{x} 有 {columns}，而 {y} 有 {rows}，所以 {x}·{y} 没有定义（{y}·{x} 是 {shape}）。</translation>
        </message>
        <message>
            <location filename="../../playground/core/explain/matrix_ops.py" line="198" />
            <source>{x} is {a_shape} and {y} is {b_shape}: {x} has {columns} but {y} has {rows}, so {x}·{y} is undefined ({x}ᵀ·{y} would be {shape}).</source>
            <translation>{x} 是 {a_shape}，{y} 是 {b_shape}：{x} 有 {columns}，而 {y} 有 {rows}，所以 {x}·{y} 没有定义（{x}ᵀ·{y} 则是 {shape}）。</translation>
        </message>
        <message>
            <location filename="../../playground/core/explain/matrix_ops.py" line="361" />
            <source>{name}, shape {shape}</source>
            <translation>{name}，形状 {shape}</translation>
        </message>
        <message>
            <location filename="../../playground/core/explain/matrix_ops.py" line="151" />
            <source>{value} is not a number.</source>
            <translation>{value} 不是数字。</translation>
        </message>
        <message>
            <location filename="../../playground/core/explain/matrix_ops.py" line="215" />
            <source>{x} is {a_shape} and {y} is {b_shape}: adding needs the same shape, entry by entry.</source>
            <translation>{x} 是 {a_shape}，{y} 是 {b_shape}：加法逐元素进行，需要两者形状相同。</translation>
        </message>
        <message>
            <location filename="../../playground/core/explain/matrix_ops.py" line="224" />
            <source>{x} is {a_shape} and {y} is {b_shape}: the element-wise product needs the same shape.</source>
            <translation>{x} 是 {a_shape}，{y} 是 {b_shape}：逐元素乘积需要两者形状相同。</translation>
        </message>
        <message>
            <location filename="../../playground/core/explain/matrix_ops.py" line="284" />
            <source>Cannot check: {reason}</source>
            <translation>无法检验：{reason}</translation>
        </message>
        <message>
            <location filename="../../playground/core/explain/matrix_ops.py" line="287" />
            <source>{left} is {left_shape} but {right} is {right_shape}: different shapes, so not equal.</source>
            <translation>{left} 是 {left_shape}，而 {right} 是 {right_shape}：形状不同，所以不相等。</translation>
        </message>
        <message>
            <location filename="../../playground/core/explain/matrix_ops.py" line="360" />
            <source>rank-{rank} tensor</source>
            <translation>{rank} 阶张量</translation>
        </message>
        <message>
            <location filename="../../playground/core/explain/matrix_ops.py" line="44" />
            <source>row {row}, column {col}: </source>
            <translation>第 {row} 行第 {col} 列：</translation>
        </message>
        <message>
            <location filename="../../playground/core/explain/multilabel_compare.py" line="103" />
            <source>Softmax + cross-entropy</source>
            <translation>Softmax + 交叉熵</translation>
        </message>
        <message>
            <location filename="../../playground/core/explain/multilabel_compare.py" line="103" />
            <source>Sigmoid per label + BCE</source>
            <translation>每个标签一个 Sigmoid + BCE</translation>
        </message>
        <message>
            <location filename="../../playground/core/explain/multilabel_compare.py" line="65" />
            <source>Softmax outputs always sum to 1 (here {low:.2f}–{high:.2f}), so on the {multi} digits with several labels it passed 0.5 on two or more labels {soft_ok} times; F1 {soft_f1:.2f}, all four labels right on {soft_exact:.0%} of the test digits. The sigmoids decide each label on its own: all labels right on {sig_all} of those {multi} digits; F1 {sig_f1:.2f}, exact match {sig_exact:.0%}.</source>
            <translation>Softmax 的输出之和总是 1（这里为 {low:.2f}–{high:.2f}），所以在 {multi} 个带多个标签的数字上，它只有 {soft_ok} 次让两个或以上的标签超过 0.5；F1 为 {soft_f1:.2f}，四个标签全对的测试数字占 {soft_exact:.0%}。Sigmoid 则对每个标签单独作出判断：在这 {multi} 个数字中有 {sig_all} 个所有标签全对；F1 为 {sig_f1:.2f}，完全匹配率 {sig_exact:.0%}。</translation>
        </message>
        <message>
            <location filename="../../playground/core/explain/output_steps.py" line="127" />
            <source>The network's outputs are not finite numbers: train it again with a lower learning rate.</source>
            <translation>网络的输出不是有限的数：请用更低的学习率重新训练。</translation>
        </message>
        <message>
            <location filename="../../playground/core/explain/output_steps.py" line="52" />
            <location filename="../../playground/core/explain/saliency.py" line="172" />
            <source>There are {count} classes, numbered 0 to {last}; there is no class {label}.</source>
            <translation>共有 {count} 个类别，编号为 0 到 {last}；没有类别 {label}。</translation>
        </message>
        <message>
            <location filename="../../playground/core/explain/output_steps.py" line="102" />
            <source>Give one target per label, each 0 or 1: {count} labels, {targets}.</source>
            <translation>请为每个标签给出一个目标值，每个为 0 或 1：共 {count} 个标签，给出的是 {targets}。</translation>
        </message>
        <message>
            <location filename="../../playground/core/explain/projection.py" line="220" />
            <source>A projection needs at least two images with at least one number each.</source>
            <translation>投影至少需要两张图像，且每张至少有一个数值。</translation>
        </message>
        <message>
            <location filename="../../playground/core/explain/projection.py" line="225" />
            <source>The layer's outputs are not finite numbers: train again with a lower learning rate.</source>
            <translation>该层的输出不是有限数值：请用更低的学习率重新训练。</translation>
        </message>
        <message>
            <location filename="../../playground/core/explain/projection.py" line="397" />
            <source>t-SNE needs at least 5 images.</source>
            <translation>t-SNE 至少需要 5 张图像。</translation>
        </message>
        <message>
            <location filename="../../playground/core/explain/projection.py" line="381" />
            <location filename="../../playground/ui/workspaces/inside/projector_view.py" line="56" />
            <source>t-SNE needs scikit-learn, which is not installed: install it with 'pip install scikit-learn' and start the app again.</source>
            <translation>t-SNE 需要 scikit-learn，但它尚未安装：请用“pip install scikit-learn”安装，然后重新启动应用。</translation>
        </message>
        <message>
            <location filename="../../playground/core/explain/projection.py" line="97" />
            <location filename="../../playground/core/explain/saliency.py" line="269" />
            <source>The network has no layer named '{name}'.</source>
            <translation>网络中没有名为“{name}”的层。</translation>
        </message>
        <message>
            <location filename="../../playground/core/explain/projection.py" line="114" />
            <source>{layer} gives {features} numbers per image: too many to project {count} images. Pick a later layer or fewer images.</source>
            <translation>{layer} 为每张图像输出 {features} 个数值：太多了，无法投影 {count} 张图像。请选择更靠后的层或更少的图像。</translation>
        </message>
        <message>
            <location filename="../../playground/core/explain/saliency.py" line="265" />
            <source>Grad-CAM needs a convolution layer and this network has none: use the gradient or SmoothGrad.</source>
            <translation>Grad-CAM 需要卷积层，而这个网络没有：请改用梯度或 SmoothGrad。</translation>
        </message>
        <message>
            <location filename="../../playground/core/explain/saliency.py" line="271" />
            <source>Grad-CAM weighs the maps of a convolution layer; '{name}' is a {type} layer.</source>
            <translation>Grad-CAM 对卷积层的特征图加权；“{name}”是 {type} 层。</translation>
        </message>
        <message>
            <location filename="../../playground/core/files/project_file.py" line="195" />
            <source>{name}: not an nn-playground project (the file is damaged, truncated or of another kind).</source>
            <translation>{name}：不是 nn-playground 项目（文件已损坏、不完整或是其他类型的文件）。</translation>
        </message>
        <message>
            <location filename="../../playground/core/files/project_file.py" line="196" />
            <source>{name}: the archive lists {count:,} entries; a project has at most {limit:,}.</source>
            <translation>{name}：压缩包列出了 {count:,} 个条目；项目最多只有 {limit:,} 个。</translation>
        </message>
        <message>
            <location filename="../../playground/core/files/project_file.py" line="197" />
            <source>{name}: the archive holds an entry named {entry!r}, which no project has.</source>
            <translation>{name}：压缩包中有一个名为 {entry!r} 的条目，项目中不会有这样的条目。</translation>
        </message>
        <message>
            <location filename="../../playground/core/files/project_file.py" line="198" />
            <source>{name}: entry {entry!r} would unpack from {packed:,} to {size:,} bytes, which no project does (a zip bomb).</source>
            <translation>{name}：条目 {entry!r} 将从 {packed:,} 字节解压为 {size:,} 字节，项目不会这样（这是压缩炸弹）。</translation>
        </message>
        <message>
            <location filename="../../playground/core/files/project_file.py" line="200" />
            <source>{name}: the archive would unpack to {size:,} bytes, more than the largest project this app writes ({limit:,} bytes).</source>
            <translation>{name}：压缩包解压后将有 {size:,} 字节，超过本应用写出的最大项目（{limit:,} 字节）。</translation>
        </message>
        <message>
            <location filename="../../playground/core/files/project_file.py" line="202" />
            <source>{name}: the project's data is larger than any project this app writes.</source>
            <translation>{name}：项目数据比本应用写出的任何项目都大。</translation>
        </message>
        <message>
            <location filename="../../playground/core/files/project_file.py" line="203" />
            <source>{name}: cannot be read — the file is damaged or not a project ({reason}).</source>
            <translation>{name}：无法读取 — 文件已损坏或不是项目文件（{reason}）。</translation>
        </message>
        <message>
            <location filename="../../playground/core/files/project_file.py" line="206" />
            <source>{name}: not a PyTorch weights file (the file is damaged, truncated or of another kind).</source>
            <translation>{name}：不是 PyTorch 权重文件（文件已损坏、不完整或是其他类型的文件）。</translation>
        </message>
        <message>
            <location filename="../../playground/core/files/project_file.py" line="207" />
            <source>{name}: the archive lists {count:,} entries; a weights file has at most {limit:,}.</source>
            <translation>{name}：压缩包列出了 {count:,} 个条目；权重文件最多只有 {limit:,} 个。</translation>
        </message>
        <message>
            <location filename="../../playground/core/files/project_file.py" line="208" />
            <source>{name}: the archive holds an entry named {entry!r}, which no weights file has.</source>
            <translation>{name}：压缩包中有一个名为 {entry!r} 的条目，权重文件中不会有这样的条目。</translation>
        </message>
        <message>
            <location filename="../../playground/core/files/project_file.py" line="209" />
            <source>{name}: entry {entry!r} would unpack from {packed:,} to {size:,} bytes, which no weights file does (a zip bomb).</source>
            <translation>{name}：条目 {entry!r} 将从 {packed:,} 字节解压为 {size:,} 字节，权重文件不会这样（这是压缩炸弹）。</translation>
        </message>
        <message>
            <location filename="../../playground/core/files/project_file.py" line="211" />
            <source>{name}: the archive would unpack to {size:,} bytes, more than any weights file this app reads ({limit:,} bytes).</source>
            <translation>{name}：压缩包解压后将有 {size:,} 字节，超过本应用读取的任何权重文件（{limit:,} 字节）。</translation>
        </message>
        <message>
            <location filename="../../playground/core/files/project_file.py" line="213" />
            <source>{name}: the file's data is larger than any weights file this app reads.</source>
            <translation>{name}：文件数据比本应用读取的任何权重文件都大。</translation>
        </message>
        <message>
            <location filename="../../playground/core/files/project_file.py" line="214" />
            <location filename="../../playground/core/files/weights_io.py" line="148" />
            <source>{name}: cannot be read — the file is damaged or not a weights file ({reason}).</source>
            <translation>{name}：无法读取 — 文件已损坏或不是权重文件（{reason}）。</translation>
        </message>
        <message>
            <location filename="../../playground/core/files/project_file.py" line="507" />
            <source>nested</source>
            <translation>嵌套张量</translation>
        </message>
        <message>
            <location filename="../../playground/core/files/project_file.py" line="511" />
            <source>quantized</source>
            <translation>量化张量</translation>
        </message>
        <message>
            <location filename="../../playground/core/files/project_file.py" line="498" />
            <source>{name}: the saved optimizer state is damaged (at {where}).</source>
            <translation>{name}：保存的优化器状态已损坏（位于 {where}）。</translation>
        </message>
        <message>
            <location filename="../../playground/core/files/project_file.py" line="142" />
            <location filename="../../playground/core/files/weights_io.py" line="117" />
            <source>{name}: the file is empty.</source>
            <translation>{name}：文件是空的。</translation>
        </message>
        <message>
            <location filename="../../playground/core/files/project_file.py" line="144" />
            <source>{name}: {size:,} bytes is larger than any project this app writes.</source>
            <translation>{name}：{size:,} 字节，比本应用保存的任何项目都大。</translation>
        </message>
        <message>
            <location filename="../../playground/core/files/project_file.py" line="154" />
            <source>{name}: not an nn-playground project file.</source>
            <translation>{name}：不是 nn-playground 项目文件。</translation>
        </message>
        <message>
            <location filename="../../playground/core/files/project_file.py" line="157" />
            <source>{name}: the project has no format version.</source>
            <translation>{name}：项目中没有格式版本号。</translation>
        </message>
        <message>
            <location filename="../../playground/core/files/project_file.py" line="159" />
            <source>{name} was saved by a newer nn-playground (project format {version}; this version reads up to {supported}). Update the app to open it.</source>
            <translation>{name} 是由更新版本的 nn-playground 保存的（项目格式 {version}；当前版本最多只能读取 {supported}）。请更新应用后再打开。</translation>
        </message>
        <message>
            <location filename="../../playground/core/files/project_file.py" line="307" />
            <source>{name}: holds Python objects other than numbers and tensors, which could run code when loaded; it was not loaded. A project this app saves never does.</source>
            <translation>{name}：包含数字和张量以外的 Python 对象，加载时可能会运行代码；因此没有加载它。本应用保存的项目从不包含这类对象。</translation>
        </message>
        <message>
            <location filename="../../playground/core/files/project_file.py" line="356" />
            <source>{name}: the project lacks its '{section}' section.</source>
            <translation>{name}：项目缺少“{section}”部分。</translation>
        </message>
        <message>
            <location filename="../../playground/core/files/project_file.py" line="371" />
            <source>{name}: '{key}' must be a whole number from 0 to {limit:,} (got {value!r}).</source>
            <translation>{name}：'{key}' 必须是 0 到 {limit:,} 之间的整数（实际为 {value!r}）。</translation>
        </message>
        <message>
            <location filename="../../playground/core/files/project_file.py" line="420" />
            <source>{name}: the saved weights do not match the saved network (missing: {missing}; unexpected: {unexpected}).</source>
            <translation>{name}：保存的权重与保存的网络不匹配（缺少：{missing}；多余：{unexpected}）。</translation>
        </message>
        <message>
            <location filename="../../playground/core/files/project_file.py" line="526" />
            <source>The saved network cannot be built: {error}</source>
            <translation>无法构建保存的网络：{error}</translation>
        </message>
        <message>
            <location filename="../../playground/core/files/project_file.py" line="288" />
            <source>{name}: the archive holds two entries named {entry!r}.</source>
            <translation>{name}：压缩包中有两个名为 {entry!r} 的条目。</translation>
        </message>
        <message>
            <location filename="../../playground/core/files/project_file.py" line="294" />
            <source>{name}: entry {entry!r} is compressed in a way torch.save never uses.</source>
            <translation>{name}：条目 {entry!r} 的压缩方式是 torch.save 从不使用的。</translation>
        </message>
        <message>
            <location filename="../../playground/core/files/project_file.py" line="360" />
            <source>{name}: the '{section}' section holds {problem}, which no project has.</source>
            <translation>{name}：“{section}”部分含有{problem}，项目中不会有这样的内容。</translation>
        </message>
        <message>
            <location filename="../../playground/core/files/project_file.py" line="363" />
            <source>{name}: the '{section}' section is damaged.</source>
            <translation>{name}：“{section}”部分已损坏。</translation>
        </message>
        <message>
            <location filename="../../playground/core/files/project_file.py" line="382" />
            <source>{name}: the saved weights are damaged.</source>
            <translation>{name}：保存的权重已损坏。</translation>
        </message>
        <message>
            <location filename="../../playground/core/files/project_file.py" line="423" />
            <location filename="../../playground/core/files/project_file.py" line="424" />
            <location filename="../../playground/core/model/spec.py" line="209" />
            <location filename="../../playground/ui/workspaces/train/task_settings.py" line="170" />
            <source>none</source>
            <translation>无</translation>
        </message>
        <message>
            <location filename="../../playground/core/files/project_file.py" line="429" />
            <source>{name}: weight '{key}' is not a plain tensor (it is {kind}).</source>
            <translation>{name}：权重 '{key}' 不是普通张量（而是 {kind}）。</translation>
        </message>
        <message>
            <location filename="../../playground/core/files/project_file.py" line="432" />
            <source>{name}: weight '{key}' holds {dtype} numbers but the network needs {needed}.</source>
            <translation>{name}：权重 '{key}' 存放的是 {dtype} 数值，但网络需要 {needed}。</translation>
        </message>
        <message>
            <location filename="../../playground/core/files/project_file.py" line="436" />
            <source>{name}: weight '{key}' has shape {shape} but the network needs {needed}.</source>
            <translation>{name}：权重“{key}”的形状是 {shape}，但网络需要 {needed}。</translation>
        </message>
        <message>
            <location filename="../../playground/core/files/safe_json.py" line="86" />
            <source>a number of about {digits:,} digits</source>
            <translation>约 {digits:,} 位的数</translation>
        </message>
        <message>
            <location filename="../../playground/core/files/safe_json.py" line="52" />
            <source>lists and objects nested more than {limit} levels deep</source>
            <translation>嵌套超过 {limit} 层的列表和对象</translation>
        </message>
        <message>
            <location filename="../../playground/core/files/safe_json.py" line="55" />
            <source>more than {limit:,} lists and objects</source>
            <translation>超过 {limit:,} 个列表和对象</translation>
        </message>
        <message>
            <location filename="../../playground/core/files/safe_json.py" line="60" />
            <source>a whole number of {digits:,} digits (at most {limit} are allowed)</source>
            <translation>一个 {digits:,} 位的整数（最多允许 {limit} 位）</translation>
        </message>
        <message>
            <location filename="../../playground/core/files/weights_io.py" line="244" />
            <source> (the file holds weights for the design '{design}')</source>
            <translation>（该文件存放的是网络设计 '{design}' 的权重）</translation>
        </message>
        <message>
            <location filename="../../playground/core/files/weights_io.py" line="139" />
            <source>{name}: not a weights file (a .safetensors file, or a state_dict saved with torch.save); it may be damaged or of another kind.</source>
            <translation>{name}：不是权重文件（应为 .safetensors 文件，或用 torch.save 保存的 state_dict）；文件可能已损坏或属于其他类型。</translation>
        </message>
        <message>
            <location filename="../../playground/core/files/weights_io.py" line="168" />
            <source>its metadata is not all text</source>
            <translation>其元数据并非全部是文本</translation>
        </message>
        <message>
            <location filename="../../playground/core/files/weights_io.py" line="108" />
            <source>The network cannot be built, so no weights can go into it: {error}</source>
            <translation>网络无法构建，因此无法载入权重：{error}</translation>
        </message>
        <message>
            <location filename="../../playground/core/files/weights_io.py" line="145" />
            <source>{name}: holds Python objects other than tensors, which could run code when loaded; it was not loaded. Save the weights alone (model.state_dict()) or as .safetensors.</source>
            <translation>{name}：包含张量以外的 Python 对象，加载时可能会运行代码；因此没有加载它。请只保存权重（model.state_dict()），或保存为 .safetensors。</translation>
        </message>
        <message>
            <location filename="../../playground/core/files/weights_io.py" line="190" />
            <source>{name}: the file would unpack to {size:,} bytes, far more than this network's weights ({limit:,} bytes at most).</source>
            <translation>{name}：文件解压后将达 {size:,} 字节，远超这个网络的权重大小（最多 {limit:,} 字节）。</translation>
        </message>
        <message>
            <location filename="../../playground/core/files/weights_io.py" line="202" />
            <source>{name}: holds a {kind}, not a state_dict (a dict of tensors by name).</source>
            <translation>{name}：其中是 {kind}，而不是 state_dict（按名称存放张量的字典）。</translation>
        </message>
        <message>
            <location filename="../../playground/core/files/weights_io.py" line="205" />
            <source>{name} is an nn-playground project, not a weights file; its weights can be exported with: nn-playground export --load {name} --format safetensors -o weights.safetensors</source>
            <translation>{name} 是 nn-playground 项目，不是权重文件；可以这样导出它的权重：nn-playground export --load {name} --format safetensors -o weights.safetensors</translation>
        </message>
        <message>
            <location filename="../../playground/core/files/weights_io.py" line="218" />
            <source>{name}: the weights do not fit this network: it has '{key}' {shape}, which the file lacks{hint}.</source>
            <translation>{name}：这些权重与此网络不匹配：网络有 '{key}' {shape}，而文件中没有{hint}。</translation>
        </message>
        <message>
            <location filename="../../playground/core/files/weights_io.py" line="223" />
            <source>{name}: the weights do not fit this network: the file's '{key}' has no place in it{hint}.</source>
            <translation>{name}：这些权重与此网络不匹配：文件中的 '{key}' 在网络中没有对应位置{hint}。</translation>
        </message>
        <message>
            <location filename="../../playground/core/files/weights_io.py" line="119" />
            <source>{name}: {size:,} bytes is far more than this network's weights ({limit:,} bytes at most).</source>
            <translation>{name}：{size:,} 字节，远超这个网络的权重大小（最多 {limit:,} 字节）。</translation>
        </message>
        <message>
            <location filename="../../playground/core/files/weights_io.py" line="132" />
            <source>{name}: cannot be read ({reason}).</source>
            <translation>{name}：无法读取（{reason}）。</translation>
        </message>
        <message>
            <location filename="../../playground/core/files/weights_io.py" line="157" />
            <source>a header of {length:,} bytes</source>
            <translation>文件头长达 {length:,} 字节</translation>
        </message>
        <message>
            <location filename="../../playground/core/model/code_export.py" line="175" />
            <source>The script trains on MNIST-format images; the binary task needs other data, so it can't be exported as such yet.</source>
            <translation>导出的脚本在 MNIST 格式的图像上训练；二分类任务需要其他数据，所以暂时不能这样导出。</translation>
        </message>
        <message>
            <location filename="../../playground/core/model/code_export.py" line="177" />
            <source>The script trains on MNIST-format images; the regression task needs other data, so it can't be exported as such yet.</source>
            <translation>导出的脚本在 MNIST 格式的图像上训练；回归任务需要其他数据，所以暂时不能这样导出。</translation>
        </message>
        <message>
            <location filename="../../playground/core/model/code_export.py" line="155" />
            <location filename="../../playground/core/model/code_export.py" line="199" />
            <location filename="../../playground/core/model/onnx_export.py" line="249" />
            <location filename="../../playground/ui/shell/project_actions.py" line="513" />
            <source>The network cannot be exported yet: {problem}</source>
            <translation>网络还不能导出：{problem}</translation>
        </message>
        <message>
            <location filename="../../playground/core/model/layers.py" line="49" />
            <source>add a learnable bias b to every output</source>
            <translation>为每个输出加上一个可学习的偏置 b</translation>
        </message>
        <message>
            <location filename="../../playground/core/model/layers.py" line="51" />
            <source>units in the hidden state h_t</source>
            <translation>隐藏状态 h_t 中的神经元数</translation>
        </message>
        <message>
            <location filename="../../playground/core/model/layers.py" line="52" />
            <source>stacked recurrent layers</source>
            <translation>堆叠的循环层数</translation>
        </message>
        <message>
            <location filename="../../playground/core/model/layers.py" line="53" />
            <source>output h_t for every step, not only the last</source>
            <translation>每一步都输出 h_t，而不只是最后一步</translation>
        </message>
        <message>
            <location filename="../../playground/core/model/layers.py" line="62" />
            <source>Fully connected: z = W·a + b, every input joined to every output.</source>
            <translation>全连接：z = W·a + b，每个输入都与每个输出相连。</translation>
        </message>
        <message>
            <location filename="../../playground/core/model/layers.py" line="72" />
            <source>Slides small learnable kernels over the image; each kernel makes one feature map.</source>
            <translation>让可学习的小卷积核在图像上滑动；每个卷积核生成一张特征图。</translation>
        </message>
        <message>
            <location filename="../../playground/core/model/layers.py" line="88" />
            <source>Keeps the largest value of each window: shrinks the maps, keeps strong features.</source>
            <translation>保留每个窗口中的最大值：缩小特征图，保留强特征。</translation>
        </message>
        <message>
            <location filename="../../playground/core/model/layers.py" line="99" />
            <source>Averages each window: shrinks the maps smoothly.</source>
            <translation>对每个窗口求平均：平滑地缩小特征图。</translation>
        </message>
        <message>
            <location filename="../../playground/core/model/layers.py" line="107" />
            <source>Unrolls channels×height×width into one flat vector.</source>
            <translation>把 通道×高×宽 展开成一个扁平的向量。</translation>
        </message>
        <message>
            <location filename="../../playground/core/model/layers.py" line="111" />
            <source>While training, zeroes a random fraction p of values; fights over-fitting.</source>
            <translation>训练时随机把比例为 p 的值置零，用来对抗过拟合。</translation>
        </message>
        <message>
            <location filename="../../playground/core/model/layers.py" line="118" />
            <source>Normalises each unit over the batch, then scales and shifts it (flat inputs).</source>
            <translation>在批次上对每个神经元做归一化，再缩放和平移（用于扁平输入）。</translation>
        </message>
        <message>
            <location filename="../../playground/core/model/layers.py" line="125" />
            <source>Normalises each channel over the batch, then scales and shifts it (images).</source>
            <translation>在批次上对每个通道做归一化，再缩放和平移（用于图像）。</translation>
        </message>
        <message>
            <location filename="../../playground/core/model/layers.py" line="129" />
            <source>max(0, z): the default for hidden layers.</source>
            <translation>max(0, z)：隐藏层的默认选择。</translation>
        </message>
        <message>
            <location filename="../../playground/core/model/layers.py" line="133" />
            <source>z if z &gt; 0 else slope·z: like ReLU but units never die completely.</source>
            <translation>z &gt; 0 时为 z，否则为 斜率·z：与 ReLU 类似，但神经元永远不会完全“死亡”。</translation>
        </message>
        <message>
            <location filename="../../playground/core/model/layers.py" line="137" />
            <source>1/(1+e^-z) in (0, 1): binary and multi-label outputs.</source>
            <translation>1/(1+e^-z)，取值在 (0, 1)：用于二分类和多标签输出。</translation>
        </message>
        <message>
            <location filename="../../playground/core/model/layers.py" line="138" />
            <source>tanh(z) in (-1, 1): zero-centred, saturates at the ends.</source>
            <translation>tanh(z)，取值在 (-1, 1)：以零为中心，两端饱和。</translation>
        </message>
        <message>
            <location filename="../../playground/core/model/layers.py" line="139" />
            <source>Smooth ReLU used by Transformers.</source>
            <translation>平滑版的 ReLU，Transformer 中常用。</translation>
        </message>
        <message>
            <location filename="../../playground/core/model/layers.py" line="143" />
            <source>Turns scores into probabilities that sum to 1 (multi-class output).</source>
            <translation>把得分变成总和为 1 的概率（多分类输出）。</translation>
        </message>
        <message>
            <location filename="../../playground/core/model/layers.py" line="147" />
            <source>Linear activation g(z) = z: output as is (regression).</source>
            <translation>线性激活函数 g(z) = z：原样输出（回归）。</translation>
        </message>
        <message>
            <location filename="../../playground/core/model/layers.py" line="152" />
            <source>Reads the image row by row as a sequence of 28 steps and remembers what it saw.</source>
            <translation>把图像逐行读作一个 28 步的序列，并记住看到过的内容。</translation>
        </message>
        <message>
            <location filename="../../playground/core/model/layers.py" line="159" />
            <source>Like LSTM with fewer gates: reads the image row by row.</source>
            <translation>与 LSTM 类似但门更少：逐行读取图像。</translation>
        </message>
        <message>
            <location filename="../../playground/core/model/layers.py" line="64" />
            <source>number of output units n^[i]</source>
            <translation>输出神经元的个数 n^[i]</translation>
        </message>
        <message>
            <location filename="../../playground/core/model/layers.py" line="74" />
            <source>number of kernels = output feature maps</source>
            <translation>卷积核个数 = 输出特征图的张数</translation>
        </message>
        <message>
            <location filename="../../playground/core/model/layers.py" line="75" />
            <source>kernel height and width</source>
            <translation>卷积核的高和宽</translation>
        </message>
        <message>
            <location filename="../../playground/core/model/layers.py" line="76" />
            <source>step between kernel positions</source>
            <translation>卷积核每次移动的步幅</translation>
        </message>
        <message>
            <location filename="../../playground/core/model/layers.py" line="79" />
            <source>zeros added around the border: a number, 'valid' (0) or 'same' (keep size, stride 1)</source>
            <translation>在边缘周围补零：一个数字、'valid'（0）或 'same'（保持尺寸，步幅为 1）</translation>
        </message>
        <message>
            <location filename="../../playground/core/model/layers.py" line="90" />
            <location filename="../../playground/core/model/layers.py" line="101" />
            <source>window height and width</source>
            <translation>窗口的高和宽</translation>
        </message>
        <message>
            <location filename="../../playground/core/model/layers.py" line="91" />
            <location filename="../../playground/core/model/layers.py" line="102" />
            <source>step between windows (empty = kernel size)</source>
            <translation>窗口之间的步幅（留空 = 与 kernel_size 相同）</translation>
        </message>
        <message>
            <location filename="../../playground/core/model/layers.py" line="112" />
            <source>fraction of values dropped while training</source>
            <translation>训练时被丢弃的值所占的比例</translation>
        </message>
        <message>
            <location filename="../../playground/core/model/layers.py" line="134" />
            <source>slope for negative inputs</source>
            <translation>负输入的斜率</translation>
        </message>
        <message>
            <location filename="../../playground/core/model/network_fit.py" line="88" />
            <source>the layers cannot take {shape} inputs: a dense network {shape}→{hidden}→{outputs} instead</source>
            <translation>现有的层无法接受 {shape} 的输入：改用全连接网络 {shape}→{hidden}→{outputs}</translation>
        </message>
        <message>
            <location filename="../../playground/core/model/network_fit.py" line="59" />
            <source>input {old} → {new}</source>
            <translation>输入 {old} → {new}</translation>
        </message>
        <message>
            <location filename="../../playground/core/model/network_fit.py" line="65" />
            <source>Flatten removed (rows are flat already)</source>
            <translation>删除了 Flatten（每行数据本来就是平的）</translation>
        </message>
        <message>
            <location filename="../../playground/core/model/network_fit.py" line="70" />
            <source>Flatten added first</source>
            <translation>在最前面添加了 Flatten</translation>
        </message>
        <message>
            <location filename="../../playground/core/model/network_fit.py" line="101" />
            <source>Linear({outputs}) added as the output</source>
            <translation>添加了 Linear({outputs}) 作为输出层</translation>
        </message>
        <message>
            <location filename="../../playground/core/model/network_fit.py" line="103" />
            <source>output Linear({old}) → Linear({new})</source>
            <translation>输出层 Linear({old}) → Linear({new})</translation>
        </message>
        <message>
            <location filename="../../playground/core/model/network_fit.py" line="115" />
            <source>{layer} added at the end instead of {removed}</source>
            <translation>在末尾添加了 {layer}，替换 {removed}</translation>
        </message>
        <message>
            <location filename="../../playground/core/model/network_fit.py" line="118" />
            <source>{layer} added at the end</source>
            <translation>在末尾添加了 {layer}</translation>
        </message>
        <message>
            <location filename="../../playground/core/model/network_fit.py" line="120" />
            <source>{removed} removed from the end</source>
            <translation>从末尾删除了 {removed}</translation>
        </message>
        <message>
            <location filename="../../playground/core/model/onnx_export.py" line="285" />
            <source>The network cannot be written as ONNX: {reason}</source>
            <translation>无法将网络写成 ONNX：{reason}</translation>
        </message>
        <message>
            <location filename="../../playground/core/model/onnx_export.py" line="241" />
            <source>Writing ONNX needs the Python package onnx, which is not installed: pip install onnx</source>
            <translation>写出 ONNX 需要 Python 包 onnx，但它尚未安装：pip install onnx</translation>
        </message>
        <message>
            <location filename="../../playground/core/model/onnx_export.py" line="104" />
            <source>{name} now has {count} feature columns but the network reads {expected}: the file changed after the network was trained on it. Put the original back at {path}.</source>
            <translation>{name} 现在有 {count} 个特征列，但网络读取 {expected} 个：网络训练之后文件被改动了。请把原来的文件放回 {path}。</translation>
        </message>
        <message>
            <location filename="../../playground/core/model/onnx_export.py" line="98" />
            <source>The network was trained on standardised columns of {name}, which can't be read now ({error}): the ONNX file needs their means and standard deviations. Put the file back at {path}, or import it again (Data menu) and save the project.</source>
            <translation>该网络是用 {name} 中标准化后的列训练的，但现在无法读取该文件（{error}）：ONNX 文件需要这些列的均值和标准差。请把文件放回 {path}，或重新导入（“数据”菜单）并保存项目。</translation>
        </message>
        <message>
            <location filename="../../playground/core/model/onnx_export.py" line="229" />
            <source>The ONNX file did not pass onnx.checker: {error}</source>
            <translation>ONNX 文件未通过 onnx.checker 检查：{error}</translation>
        </message>
        <message>
            <location filename="../../playground/core/model/onnx_export.py" line="282" />
            <source>Layer {number} ({layer}) cannot be written as ONNX by this version of PyTorch ({reason}): remove it, or export a PyTorch script instead.</source>
            <translation>第 {number} 层（{layer}）无法用此版本的 PyTorch 写成 ONNX（{reason}）：请删除该层，或改为导出 PyTorch 脚本。</translation>
        </message>
        <message>
            <location filename="../../playground/core/model/onnx_export.py" line="182" />
            <source>The trained weights do not fit the network: {error}</source>
            <translation>训练好的权重与网络不匹配：{error}</translation>
        </message>
        <message>
            <location filename="../../playground/core/model/presets.py" line="42" />
            <location filename="../../playground/ui/shell/design_controller.py" line="262" />
            <source>No preset named '{name}'. Available: {names}.</source>
            <translation>没有名为“{name}”的预设。可用的预设：{names}。</translation>
        </message>
        <message>
            <location filename="../../playground/core/model/presets.py" line="49" />
            <source>Preset '{name}' has no 'model'.</source>
            <translation>预设“{name}”中没有 'model'。</translation>
        </message>
        <message>
            <location filename="../../playground/core/model/presets.py" line="72" />
            <source>{path}: {size:,} bytes is too large for a model spec.</source>
            <translation>{path}：{size:,} 字节，作为模型描述文件太大了。</translation>
        </message>
        <message>
            <location filename="../../playground/core/model/presets.py" line="58" />
            <source>Preset '{name}': {error}</source>
            <translation>预设“{name}”：{error}</translation>
        </message>
        <message>
            <location filename="../../playground/core/model/presets.py" line="77" />
            <source>{path}: cannot be read as UTF-8 text ({error}).</source>
            <translation>{path}：无法作为 UTF-8 文本读取（{error}）。</translation>
        </message>
        <message>
            <location filename="../../playground/core/model/presets.py" line="82" />
            <source>{path}: not a model spec: the JSON holds {problem}.</source>
            <translation>{path}：不是模型规格：该 JSON 含有{problem}。</translation>
        </message>
        <message>
            <location filename="../../playground/core/model/presets.py" line="85" />
            <source>{path}: not valid JSON (line {line}, column {column}): {error}.</source>
            <translation>{path}：不是有效的 JSON（第 {line} 行，第 {column} 列）：{error}。</translation>
        </message>
        <message>
            <location filename="../../playground/core/model/shape_inference.py" line="181" />
            <source>The network has no layers: add at least one Linear layer.</source>
            <translation>网络中没有任何层：请至少添加一个 Linear 层。</translation>
        </message>
        <message>
            <location filename="../../playground/core/model/shape_inference.py" line="195" />
            <source>{where} would have {count:,} parameters (~{weights} of weights, ~{training} to train with Adam), more than the {limit:,} this app allows: make it smaller, or shrink its input with pooling or a stride first.</source>
            <translation>{where}将有 {count:,} 个参数（权重约 {weights}，用 Adam 训练约需 {training}），超过了本应用允许的 {limit:,} 个：请把它调小，或先用池化或步幅缩小它的输入。</translation>
        </message>
        <message>
            <location filename="../../playground/core/model/shape_inference.py" line="205" />
            <location filename="../../playground/core/model/spec.py" line="197" />
            <location filename="../../playground/core/model/spec.py" line="255" />
            <source>Layer {number} ({layer})</source>
            <translation>第 {number} 层（{layer}）</translation>
        </message>
        <message>
            <location filename="../../playground/core/model/shape_inference.py" line="334" />
            <source>{where} expects an image (channels×height×width) but receives {shape}.</source>
            <translation>{where}需要图像输入（通道×高×宽），但收到的是 {shape}。</translation>
        </message>
        <message>
            <location filename="../../playground/core/model/shape_inference.py" line="344" />
            <source>No activation between the weight layers: stacked linear layers collapse into one linear map, so this network can only learn what a single Linear layer can.</source>
            <translation>权重层之间没有激活函数：堆叠的线性层会合并成一个线性映射，所以这个网络只能学到单个 Linear 层能学到的东西。</translation>
        </message>
        <message>
            <location filename="../../playground/core/model/shape_inference.py" line="368" />
            <source>The network outputs {outputs} values per image but the data has {classes} classes: set the last Linear's out_features to {classes}.</source>
            <translation>网络对每张图像输出 {outputs} 个值，但数据有 {classes} 个类别：请把最后一个 Linear 的 out_features 设为 {classes}。</translation>
        </message>
        <message>
            <location filename="../../playground/core/model/shape_inference.py" line="371" />
            <source>The network outputs {outputs} values per image but the data has {classes} classes: add Linear({classes}) at the end.</source>
            <translation>网络对每张图像输出 {outputs} 个值，但数据有 {classes} 个类别：请在末尾添加 Linear({classes})。</translation>
        </message>
        <message>
            <location filename="../../playground/core/model/shape_inference.py" line="216" />
            <source>Insert Flatten before this layer</source>
            <translation>在此层之前插入 Flatten</translation>
        </message>
        <message>
            <location filename="../../playground/core/model/shape_inference.py" line="330" />
            <source>{where} expects an image (channels×height×width) but receives a flat vector of {size}: remove the Flatten or Linear before it, or put the {type} layers first.</source>
            <translation>{where}需要图像输入（通道×高×宽），但收到的是长度为 {size} 的平坦向量：请删除它前面的 Flatten 或 Linear，或把 {type} 层放到最前面。</translation>
        </message>
        <message>
            <location filename="../../playground/core/model/shape_inference.py" line="361" />
            <source>The network ends with {shape} values per image but a classifier needs a flat vector of {classes} scores: add Flatten and Linear({classes}) at the end.</source>
            <translation>网络最终对每张图像输出 {shape} 个值，但分类器需要一个包含 {classes} 个分数的平坦向量：请在末尾添加 Flatten 和 Linear({classes})。</translation>
        </message>
        <message>
            <location filename="../../playground/core/model/shape_inference.py" line="162" />
            <source>Layer {number} ({type}): the name '{name}' is used twice; names must be unique.</source>
            <translation>第 {number} 层（{type}）：名称“{name}”被使用了两次；名称必须唯一。</translation>
        </message>
        <message>
            <location filename="../../playground/core/model/shape_inference.py" line="185" />
            <source>The network has {total:,} parameters (~{size} of weights); the limit is {limit:,}. Make some layers smaller.</source>
            <translation>网络有 {total:,} 个参数（权重约 {size}）；上限为 {limit:,}。请把一些层调小。</translation>
        </message>
        <message>
            <location filename="../../playground/core/model/shape_inference.py" line="214" />
            <source>{where} expects a flat vector but receives {shape}: add Flatten before it.</source>
            <translation>{where}需要平坦向量输入，但收到的是 {shape}：请在它前面添加 Flatten。</translation>
        </message>
        <message>
            <location filename="../../playground/core/model/shape_inference.py" line="350" />
            <source>The last layer is {type}: for multi-class outputs end with Linear; the loss applies softmax itself.</source>
            <translation>最后一层是 {type}：多分类输出应以 Linear 结尾；损失函数会自己计算 softmax。</translation>
        </message>
        <message>
            <location filename="../../playground/core/model/shape_inference.py" line="235" />
            <source>Set stride to 1</source>
            <translation>把步幅设为 1</translation>
        </message>
        <message>
            <location filename="../../playground/core/model/shape_inference.py" line="233" />
            <source>{where}: padding 'same' only works with stride 1 in PyTorch; set stride to 1 or give padding as a number.</source>
            <translation>{where}：在 PyTorch 中，填充 'same' 只能与步幅 1 一起使用；请把步幅设为 1，或用数字指定填充。</translation>
        </message>
        <message>
            <location filename="../../playground/core/model/shape_inference.py" line="242" />
            <source>{where}: the {kernel}×{kernel} kernel does not fit the {height}×{width} input with padding {padding}; use a smaller kernel_size or more padding.</source>
            <translation>{where}：{kernel}×{kernel} 的卷积核放不进填充为 {padding} 的 {height}×{width} 输入；请使用更小的 kernel_size 或更多的填充。</translation>
        </message>
        <message>
            <location filename="../../playground/core/model/shape_inference.py" line="265" />
            <source>{where}: the {kernel}×{kernel} window is larger than the {height}×{width} maps it receives; use a smaller kernel_size or remove this pooling layer.</source>
            <translation>{where}：{kernel}×{kernel} 的窗口比收到的 {height}×{width} 特征图还大；请使用更小的 kernel_size，或删除这个池化层。</translation>
        </message>
        <message>
            <location filename="../../playground/core/model/shape_inference.py" line="248" />
            <source>{where}: padding {padding} is as large as the kernel; most outputs see only zeros.</source>
            <translation>{where}：填充 {padding} 与卷积核一样大；大部分输出只能看到零。</translation>
        </message>
        <message>
            <location filename="../../playground/core/model/shape_inference.py" line="273" />
            <source>{where}: the input is already flat; this Flatten does nothing.</source>
            <translation>{where}：输入已经是平坦的；这个 Flatten 不起任何作用。</translation>
        </message>
        <message>
            <location filename="../../playground/core/model/shape_inference.py" line="277" />
            <source>{where} normalises flat vectors but receives {shape}: use BatchNorm2d for images, or add Flatten before it.</source>
            <translation>{where}对平坦向量做归一化，但收到的是 {shape}：图像请使用 BatchNorm2d，或在它前面添加 Flatten。</translation>
        </message>
        <message>
            <location filename="../../playground/core/model/shape_inference.py" line="279" />
            <source>Use BatchNorm2d instead</source>
            <translation>改用 BatchNorm2d</translation>
        </message>
        <message>
            <location filename="../../playground/core/model/shape_inference.py" line="287" />
            <source>{where} normalises images (channels×height×width) but receives {shape}: use BatchNorm1d for flat vectors.</source>
            <translation>{where}对图像（通道×高×宽）做归一化，但收到的是 {shape}：平坦向量请使用 BatchNorm1d。</translation>
        </message>
        <message>
            <location filename="../../playground/core/model/shape_inference.py" line="289" />
            <source>Use BatchNorm1d instead</source>
            <translation>改用 BatchNorm1d</translation>
        </message>
        <message>
            <location filename="../../playground/core/model/shape_inference.py" line="301" />
            <source>{where} reads a sequence (an image row by row) but receives a flat vector of {size}: remove the Flatten before it, or put the {type} first.</source>
            <translation>{where}读取的是序列（逐行读取图像），但收到的是长度为 {size} 的平坦向量：请删除它前面的 Flatten，或把 {type} 放到最前面。</translation>
        </message>
        <message>
            <location filename="../../playground/core/model/shape_inference.py" line="322" />
            <source>{where}: softmax over {shape} runs along the last axis only.</source>
            <translation>{where}：对 {shape} 的 softmax 只沿最后一个维度计算。</translation>
        </message>
        <message>
            <location filename="../../playground/core/model/spec.py" line="173" />
            <source>'input_shape' must be a list of 1 to 3 whole numbers, e.g. [1, 28, 28].</source>
            <translation>'input_shape' 必须是由 1 到 3 个整数组成的列表，例如 [1, 28, 28]。</translation>
        </message>
        <message>
            <location filename="../../playground/core/model/spec.py" line="185" />
            <source>Layer {number}</source>
            <translation>第 {number} 层</translation>
        </message>
        <message>
            <location filename="../../playground/core/model/spec.py" line="229" />
            <source>{where}: the name {name} is not a Python identifier of at most {limit} characters (letters, digits and _, not starting with a digit); choose another or leave the name out.</source>
            <translation>{where}：名称 {name} 不是不超过 {limit} 个字符的 Python 标识符（由字母、数字和 _ 组成，且不以数字开头）；请换一个名称，或不写名称。</translation>
        </message>
        <message>
            <location filename="../../playground/core/model/spec.py" line="234" />
            <source>{where}: Python reads the name {name} as {normal}, so the exported script would not match; write {normal} or leave the name out.</source>
            <translation>{where}：Python 会把名称 {name} 读作 {normal}，导出的脚本将对不上；请写成 {normal}，或不写名称。</translation>
        </message>
        <message>
            <location filename="../../playground/core/model/spec.py" line="237" />
            <source>{where}: the name {name} is a Python keyword; choose another or leave the name out.</source>
            <translation>{where}：名称 {name} 是 Python 关键字；请换一个名称，或不写名称。</translation>
        </message>
        <message>
            <location filename="../../playground/core/model/spec.py" line="239" />
            <source>{where}: the name {name} starts with _, which PyTorch keeps for its own attributes; choose another or leave the name out.</source>
            <translation>{where}：名称 {name} 以 _ 开头，这类名称留给 PyTorch 自己的属性；请换一个名称，或不写名称。</translation>
        </message>
        <message>
            <location filename="../../playground/core/model/spec.py" line="242" />
            <source>{where}: the name {name} is taken by nn.Module; choose another or leave the name out.</source>
            <translation>{where}：名称 {name} 已被 nn.Module 占用；请换一个名称，或不写名称。</translation>
        </message>
        <message>
            <location filename="../../playground/core/model/spec.py" line="297" />
            <source>{where}: {param} needs a value (got {value}).</source>
            <translation>{where}：{param} 需要一个值（当前为 {value}）。</translation>
        </message>
        <message>
            <location filename="../../playground/core/model/spec.py" line="303" />
            <source>{where}: {param} must be true or false (got {value}).</source>
            <translation>{where}：{param} 必须是 true 或 false（当前为 {value}）。</translation>
        </message>
        <message>
            <location filename="../../playground/core/model/spec.py" line="319" />
            <source>{where}: {param} must be at least {limit} (got {value}).</source>
            <translation>{where}：{param} 不能小于 {limit}（当前为 {value}）。</translation>
        </message>
        <message>
            <location filename="../../playground/core/model/spec.py" line="321" />
            <source>{where}: {param} must be at most {limit} (got {value}).</source>
            <translation>{where}：{param} 不能大于 {limit}（当前为 {value}）。</translation>
        </message>
        <message>
            <location filename="../../playground/core/model/spec.py" line="131" />
            <source>A model spec must be a JSON object with 'input_shape' and 'layers'.</source>
            <translation>模型描述必须是包含 'input_shape' 和 'layers' 的 JSON 对象。</translation>
        </message>
        <message>
            <location filename="../../playground/core/model/spec.py" line="134" />
            <source>The spec's 'version' must be a whole number.</source>
            <translation>模型描述的 'version' 必须是整数。</translation>
        </message>
        <message>
            <location filename="../../playground/core/model/spec.py" line="143" />
            <source>The spec needs a 'layers' list.</source>
            <translation>模型描述需要一个 'layers' 列表。</translation>
        </message>
        <message>
            <location filename="../../playground/core/model/spec.py" line="151" />
            <source>The spec's 'name' must be text.</source>
            <translation>模型描述的 'name' 必须是文本。</translation>
        </message>
        <message>
            <location filename="../../playground/core/model/spec.py" line="311" />
            <source>{where}: {param} must be a whole number (got {value}).</source>
            <translation>{where}：{param} 必须是整数（当前为 {value}）。</translation>
        </message>
        <message>
            <location filename="../../playground/core/model/spec.py" line="316" />
            <source>{where}: {param} must be a number (got {value}).</source>
            <translation>{where}：{param} 必须是数字（当前为 {value}）。</translation>
        </message>
        <message>
            <location filename="../../playground/core/model/spec.py" line="187" />
            <source>{where} must be a JSON object like {{"type": "Linear", "out_features": 10}}.</source>
            <translation>{where}必须是 JSON 对象，例如 {{"type": "Linear", "out_features": 10}}。</translation>
        </message>
        <message>
            <location filename="../../playground/core/model/spec.py" line="191" />
            <source>{where} has no 'type'. Known types: {types}.</source>
            <translation>{where}没有 'type'。已知类型：{types}。</translation>
        </message>
        <message>
            <location filename="../../playground/core/model/spec.py" line="195" />
            <source>{where}: unknown layer type '{name}'. Known types: {types}.</source>
            <translation>{where}：未知的层类型“{name}”。已知类型：{types}。</translation>
        </message>
        <message>
            <location filename="../../playground/core/model/spec.py" line="310" />
            <source>{where}: {param} must be a whole number or 'valid'/'same' (got {value}).</source>
            <translation>{where}：{param} 必须是整数或 'valid'/'same'（当前为 {value}）。</translation>
        </message>
        <message>
            <location filename="../../playground/core/model/spec.py" line="78" />
            <source>Conv2d({channels}, {kernel}×{kernel}, stride {stride}, pad {padding})</source>
            <translation>Conv2d({channels}, {kernel}×{kernel}, 步幅 {stride}, 填充 {padding})</translation>
        </message>
        <message>
            <location filename="../../playground/core/model/spec.py" line="136" />
            <source>This spec was written by a newer nn-playground (format version {version}; this one reads up to {supported}). Update the app to open it.</source>
            <translation>此模型描述由更新版本的 nn-playground 写入（格式版本 {version}；当前版本最多只能读取 {supported}）。请更新应用后再打开。</translation>
        </message>
        <message>
            <location filename="../../playground/core/model/spec.py" line="145" />
            <source>The spec has {count} layers; at most {limit} are supported.</source>
            <translation>模型描述有 {count} 层；最多支持 {limit} 层。</translation>
        </message>
        <message>
            <location filename="../../playground/core/model/spec.py" line="177" />
            <source>'input_shape' entries must be whole numbers from 1 to 4096 (got {value}).</source>
            <translation>'input_shape' 的每一项必须是 1 到 4096 之间的整数（当前为 {value}）。</translation>
        </message>
        <message>
            <location filename="../../playground/core/model/spec.py" line="202" />
            <source>{where}: 'params' must be an object.</source>
            <translation>{where}：'params' 必须是一个对象。</translation>
        </message>
        <message>
            <location filename="../../playground/core/model/spec.py" line="210" />
            <source>{where} has no parameter '{key}'. Its parameters: {known}.</source>
            <translation>{where}没有参数“{key}”。它的参数有：{known}。</translation>
        </message>
        <message>
            <location filename="../../playground/core/model/spec.py" line="268" />
            <source>{where}: names like {name} are kept for layers without a name (this one would be {default}); choose another or leave the name out.</source>
            <translation>{where}：像 {name} 这样的名称留给没有名称的层（这一层会叫 {default}）；请换一个名称，或不写名称。</translation>
        </message>
        <message>
            <location filename="../../playground/core/model/spec.py" line="84" />
            <source>{type}({kernel}×{kernel}, stride {stride})</source>
            <translation>{type}({kernel}×{kernel}, 步幅 {stride})</translation>
        </message>
        <message>
            <location filename="../../playground/core/model/spec.py" line="93" />
            <source>{type}({hidden}{layers}, all steps)</source>
            <translation>{type}({hidden}{layers}, 全部时间步)</translation>
        </message>
        <message>
            <location filename="../../playground/core/model/spec.py" line="161" />
            <source>Not valid JSON (line {line}, column {column}): {error}.</source>
            <translation>不是有效的 JSON（第 {line} 行，第 {column} 列）：{error}。</translation>
        </message>
        <message>
            <location filename="../../playground/core/model/spec.py" line="259" />
            <source>{where}: the name {name} is already used by layer {other}; names must be unique.</source>
            <translation>{where}：名称 {name} 已被第 {other} 层使用；名称必须唯一。</translation>
        </message>
        <message>
            <location filename="../../playground/core/model/tasks.py" line="30" />
            <source>Multi-class (softmax + cross-entropy)</source>
            <translation>多分类（Softmax + 交叉熵）</translation>
        </message>
        <message>
            <location filename="../../playground/core/model/tasks.py" line="31" />
            <source>Binary (sigmoid + binary cross-entropy)</source>
            <translation>二分类（Sigmoid + 二元交叉熵）</translation>
        </message>
        <message>
            <location filename="../../playground/core/model/tasks.py" line="32" />
            <source>Multi-label (a sigmoid per label + binary cross-entropy)</source>
            <translation>多标签（每个标签一个 Sigmoid + 二元交叉熵）</translation>
        </message>
        <message>
            <location filename="../../playground/core/model/tasks.py" line="33" />
            <source>Regression (linear output + mean squared error)</source>
            <translation>回归（线性输出 + 均方误差）</translation>
        </message>
        <message>
            <location filename="../../playground/core/model/tasks.py" line="36" />
            <source>The task's usual loss</source>
            <translation>该任务常用的损失</translation>
        </message>
        <message>
            <location filename="../../playground/core/model/tasks.py" line="37" />
            <source>Cross-entropy (nn.CrossEntropyLoss — softmax inside)</source>
            <translation>交叉熵（nn.CrossEntropyLoss，内部自带 Softmax）</translation>
        </message>
        <message>
            <location filename="../../playground/core/model/tasks.py" line="38" />
            <source>Binary cross-entropy (nn.BCELoss — needs a Sigmoid at the end)</source>
            <translation>二元交叉熵（nn.BCELoss，网络末尾需要一个 Sigmoid）</translation>
        </message>
        <message>
            <location filename="../../playground/core/model/tasks.py" line="39" />
            <source>Binary cross-entropy with logits (nn.BCEWithLogitsLoss — sigmoid inside)</source>
            <translation>带 logits 的二元交叉熵（nn.BCEWithLogitsLoss，内部自带 Sigmoid）</translation>
        </message>
        <message>
            <location filename="../../playground/core/model/tasks.py" line="40" />
            <source>Mean squared error (nn.MSELoss)</source>
            <translation>均方误差（nn.MSELoss）</translation>
        </message>
        <message>
            <location filename="../../playground/core/model/tasks.py" line="41" />
            <source>Mean absolute error (nn.L1Loss)</source>
            <translation>平均绝对误差（nn.L1Loss）</translation>
        </message>
        <message>
            <location filename="../../playground/core/model/tasks.py" line="55" />
            <source>even</source>
            <translation>偶数</translation>
        </message>
        <message>
            <location filename="../../playground/core/model/tasks.py" line="55" />
            <source>prime</source>
            <translation>质数</translation>
        </message>
        <message>
            <location filename="../../playground/core/model/tasks.py" line="55" />
            <source>closed loop</source>
            <translation>闭合圈</translation>
        </message>
        <message>
            <location filename="../../playground/core/model/tasks.py" line="77" />
            <source>even, ≥ 5, prime, closed loop</source>
            <translation>偶数、≥ 5、质数、闭合圈</translation>
        </message>
        <message>
            <location filename="../../playground/core/model/tasks.py" line="165" />
            <source>a Linear layer (raw scores)</source>
            <translation>Linear 层（原始分数）</translation>
        </message>
        <message>
            <location filename="../../playground/core/model/tasks.py" line="189" />
            <source>The network outputs {outputs} value per example but the task needs {needed} for {what}: set the last Linear's out_features to {needed}.</source>
            <translation>网络对每个样本输出 {outputs} 个值，但该任务需要 {needed} 个值来表示 {what}：请把最后一个 Linear 的 out_features 设为 {needed}。</translation>
        </message>
        <message>
            <location filename="../../playground/core/model/tasks.py" line="191" />
            <source>The network outputs {outputs} values per example but the task needs {needed} for {what}: set the last Linear's out_features to {needed}.</source>
            <translation>网络对每个样本输出 {outputs} 个值，但该任务需要 {needed} 个值来表示 {what}：请把最后一个 Linear 的 out_features 设为 {needed}。</translation>
        </message>
        <message>
            <location filename="../../playground/core/model/tasks.py" line="124" />
            <source>The network ends in Softmax and nn.CrossEntropyLoss applies log-softmax again: gradients shrink and learning slows. End with Linear; the loss does the softmax.</source>
            <translation>网络以 Softmax 结尾，而 nn.CrossEntropyLoss 会再做一次 log-softmax：梯度变小，学习变慢。请以 Linear 结尾，Softmax 交给损失函数来做。</translation>
        </message>
        <message>
            <location filename="../../playground/core/model/tasks.py" line="128" />
            <source>Cross-entropy expects raw scores (logits), but a Sigmoid squeezes them into 0…1, so no class can become confident. End with Linear.</source>
            <translation>交叉熵需要原始分数（logits），但 Sigmoid 把它们压缩到 0…1 之间，任何类别都无法得到很高的置信度。请以 Linear 结尾。</translation>
        </message>
        <message>
            <location filename="../../playground/core/model/tasks.py" line="144" />
            <source>Softmax is the wrong output for multi-label: it makes the labels compete for one unit of probability, so when a digit is even AND ≥ 5 AND has a loop at most one label can pass 0.5. Use a Sigmoid per label with binary cross-entropy.</source>
            <translation>Softmax 不适合多标签输出：它让各个标签争夺总和为 1 的概率，所以即使一个数字同时是偶数、≥ 5 且有闭合圈，最多也只有一个标签能超过 0.5。请为每个标签使用一个 Sigmoid，并配合二元交叉熵。</translation>
        </message>
        <message>
            <location filename="../../playground/core/model/tasks.py" line="149" />
            <source>Softmax over a single output is always 1. End with Sigmoid for a yes/no answer.</source>
            <translation>对单个输出做 Softmax 结果永远是 1。要回答“是/否”，请以 Sigmoid 结尾。</translation>
        </message>
        <message>
            <location filename="../../playground/core/model/tasks.py" line="151" />
            <source>Binary cross-entropy scores each class on its own: it trains, but the outputs are not one probability distribution over the classes. Multi-class uses cross-entropy.</source>
            <translation>二元交叉熵对每个类别单独计分：可以训练，但输出不是各类别上的一个概率分布。多分类应使用交叉熵。</translation>
        </message>
        <message>
            <location filename="../../playground/core/model/tasks.py" line="183" />
            <source>one yes/no answer</source>
            <translation>1 个“是/否”答案</translation>
        </message>
        <message>
            <location filename="../../playground/core/model/tasks.py" line="136" />
            <source>A Sigmoid at the end limits predictions to 0…1: targets outside that range can't be reached.</source>
            <translation>末尾的 Sigmoid 把预测限制在 0…1 之间：超出这个范围的目标值无法达到。</translation>
        </message>
        <message>
            <location filename="../../playground/core/model/tasks.py" line="139" />
            <source>Softmax makes the outputs sum to 1; a regression needs a linear (or ReLU) output.</source>
            <translation>Softmax 使输出之和为 1；回归需要线性（或 ReLU）输出。</translation>
        </message>
        <message>
            <location filename="../../playground/core/model/tasks.py" line="141" />
            <source>A Tanh at the end limits predictions to -1…1: targets outside that range can't be reached.</source>
            <translation>末尾的 Tanh 把预测限制在 -1…1 之间：超出这个范围的目标值无法达到。</translation>
        </message>
        <message>
            <location filename="../../playground/core/model/tasks.py" line="181" />
            <source>{count} classes</source>
            <translation>{count} 个类别</translation>
        </message>
        <message>
            <location filename="../../playground/core/model/tasks.py" line="114" />
            <source>Binary cross-entropy (nn.BCELoss) needs outputs between 0 and 1, but the network ends with {activation}: add a Sigmoid layer at the end, or choose 'BCE with logits'.</source>
            <translation>二元交叉熵（nn.BCELoss）需要介于 0 和 1 之间的输出，但网络以 {activation} 结尾：请在末尾添加一个 Sigmoid 层，或者选择“带 logits 的 BCE”。</translation>
        </message>
        <message>
            <location filename="../../playground/core/model/tasks.py" line="119" />
            <source>BCEWithLogitsLoss applies a sigmoid itself, and the network already ends with {activation}: the outputs are squashed twice, so the loss can never reach 0. Remove the {activation}, or choose plain BCE.</source>
            <translation>BCEWithLogitsLoss 自己会做 Sigmoid，而网络已经以 {activation} 结尾：输出被压缩了两次，损失永远无法降到 0。请去掉 {activation}，或者选择普通的 BCE。</translation>
        </message>
        <message>
            <location filename="../../playground/core/model/tasks.py" line="155" />
            <source>{loss} on class targets trains, but its gradients vanish when the network is confidently wrong, so it learns slower than cross-entropy.</source>
            <translation>在类别目标上使用 {loss} 可以训练，但当网络很自信地答错时梯度会消失，所以它比交叉熵学得慢。</translation>
        </message>
        <message>
            <location filename="../../playground/core/model/tasks.py" line="159" />
            <source>A classifier's outputs should not end with {activation}: end with Linear (or Sigmoid for yes/no labels).</source>
            <translation>分类器的输出不应以 {activation} 结尾：请以 Linear 结尾（“是/否”标签则用 Sigmoid）。</translation>
        </message>
        <message>
            <location filename="../../playground/core/model/tasks.py" line="109" />
            <location filename="../../playground/core/training/training_config.py" line="111" />
            <source>Unknown task '{task}'. Choose one of: {choices}.</source>
            <translation>未知的任务“{task}”。请从以下选项中选择：{choices}。</translation>
        </message>
        <message>
            <location filename="../../playground/core/model/tasks.py" line="111" />
            <location filename="../../playground/core/training/training_config.py" line="114" />
            <source>Unknown loss '{loss}'. Choose one of: {choices}.</source>
            <translation>未知的损失“{loss}”。请从以下选项中选择：{choices}。</translation>
        </message>
        <message>
            <location filename="../../playground/core/model/tasks.py" line="133" />
            <source>{loss} is a classification loss; a regression needs MSE or MAE.</source>
            <translation>{loss} 是分类损失；回归需要 MSE 或 MAE。</translation>
        </message>
        <message>
            <location filename="../../playground/core/model/tasks.py" line="186" />
            <source>{count} labels ({names})</source>
            <translation>{count} 个标签（{names}）</translation>
        </message>
        <message>
            <location filename="../../playground/core/model/tasks.py" line="188" />
            <source>{count} target value</source>
            <translation>{count} 个目标值</translation>
        </message>
        <message>
            <location filename="../../playground/core/model/tasks.py" line="188" />
            <source>{count} target values</source>
            <translation>{count} 个目标值</translation>
        </message>
        <message>
            <location filename="../../playground/core/training/devices.py" line="29" />
            <source>CPU ({threads} threads)</source>
            <translation>CPU（{threads} 个线程）</translation>
        </message>
        <message>
            <location filename="../../playground/core/training/devices.py" line="21" />
            <source>CUDA was asked for but no CUDA GPU is available; training on the CPU instead.</source>
            <translation>要求使用 CUDA，但没有可用的 CUDA GPU；改为在 CPU 上训练。</translation>
        </message>
        <message>
            <location filename="../../playground/core/training/evaluation.py" line="103" />
            <source>Over-fitting: for the last {patience} epochs the training loss fell ({train_first:.3f} → {train_last:.3f}) while the test loss rose ({test_first:.3f} → {test_last:.3f}). The network is memorising the training digits. The test loss was lowest after epoch {best:.0f}: stop there, add Dropout or weight decay, or use more data.</source>
            <translation>过拟合：最近 {patience} 个轮次中，训练损失下降（{train_first:.3f} → {train_last:.3f}），而测试损失上升（{test_first:.3f} → {test_last:.3f}）。网络正在死记训练集中的数字。测试损失在第 {best:.0f} 轮之后最低：在那里停止训练，加入 Dropout 或权重衰减，或者使用更多数据。</translation>
        </message>
        <message>
            <location filename="../../playground/core/training/experiments.py" line="47" />
            <source>2-D points</source>
            <translation>二维点</translation>
        </message>
        <message>
            <location filename="../../playground/core/training/experiments.py" line="49" />
            <source>circle (2-D points)</source>
            <translation>圆形数据（二维点）</translation>
        </message>
        <message>
            <location filename="../../playground/core/training/experiments.py" line="49" />
            <source>xor (2-D points)</source>
            <translation>XOR 数据（二维点）</translation>
        </message>
        <message>
            <location filename="../../playground/core/training/experiments.py" line="50" />
            <source>gaussians (2-D points)</source>
            <translation>高斯簇数据（二维点）</translation>
        </message>
        <message>
            <location filename="../../playground/core/training/experiments.py" line="50" />
            <source>spiral (2-D points)</source>
            <translation>螺旋数据（二维点）</translation>
        </message>
        <message>
            <location filename="../../playground/core/training/experiments.py" line="51" />
            <source>moons (2-D points)</source>
            <translation>双月数据（二维点）</translation>
        </message>
        <message>
            <location filename="../../playground/core/training/experiments.py" line="440" />
            <source>Ranked by validation error: the validation digits were held out of training and used to choose. The chosen model's test error played no part in the choice, so it is a fair estimate of its error on new digits.</source>
            <translation>按验证误差排名：验证集数字不参与训练，只用于挑选模型。所选模型的测试误差没有参与挑选，因此能公平地估计它在新数字上的误差。</translation>
        </message>
        <message>
            <location filename="../../playground/core/training/experiments.py" line="444" />
            <source>Ranked by test error. Choosing a model by its test error makes that error optimistic — the test set then helped choose it; the model-selection experiment chooses on a validation set instead.</source>
            <translation>按测试误差排名。按测试误差挑选模型会让这个误差偏乐观——测试集参与了挑选；“模型选择”实验则改用验证集来挑选。</translation>
        </message>
        <message>
            <location filename="../../playground/core/training/experiments.py" line="513" />
            <source>With {layers} ReLU hidden layers the network reached {relu} test accuracy; with Sigmoid {sigmoid} — no better than guessing one of ten digits.</source>
            <translation>使用 {layers} 个 ReLU 隐藏层时，网络的测试准确率达到 {relu}；使用 Sigmoid 时为 {sigmoid}——并不比在十个数字中随便猜一个好。</translation>
        </message>
        <message>
            <location filename="../../playground/core/training/experiments.py" line="516" />
            <source>With {layers} ReLU hidden layers the network reached {relu} test accuracy; with Sigmoid {sigmoid}.</source>
            <translation>使用 {layers} 个 ReLU 隐藏层时，网络的测试准确率达到 {relu}；使用 Sigmoid 时为 {sigmoid}。</translation>
        </message>
        <message>
            <location filename="../../playground/core/training/experiments.py" line="559" />
            <source>On the circle, the network of Linear layers alone reached {linear} test accuracy — no better than a coin toss, since a straight line can't enclose a circle; with ReLU between the same layers it reached {relu}.</source>
            <translation>在圆形数据上，只有 Linear 层的网络测试准确率为 {linear}——不比抛硬币好，因为直线无法围住一个圆；在同样的层之间加入 ReLU 后达到 {relu}。</translation>
        </message>
        <message>
            <location filename="../../playground/core/training/experiments.py" line="563" />
            <source>On the circle, the network of Linear layers alone reached {linear} test accuracy; with ReLU between the same layers it reached {relu}.</source>
            <translation>在圆形数据上，只有 Linear 层的网络测试准确率为 {linear}；在同样的层之间加入 ReLU 后达到 {relu}。</translation>
        </message>
        <message>
            <location filename="../../playground/core/training/experiments.py" line="571" />
            <source>With {digits:,} training digits the network scored {train} on them but {test} on new digits: a gap of {gap} (over-fitting)</source>
            <translation>用 {digits:,} 个训练数字时，网络在这些数字上的准确率为 {train}，在新数字上却只有 {test}：相差 {gap}（过拟合）</translation>
        </message>
        <message>
            <location filename="../../playground/core/training/experiments.py" line="574" />
            <source>With {digits:,} training digits the network scored {train} on them but {test} on new digits: a gap of {gap}</source>
            <translation>用 {digits:,} 个训练数字时，网络在这些数字上的准确率为 {train}，在新数字上为 {test}：相差 {gap}</translation>
        </message>
        <message>
            <location filename="../../playground/core/training/experiments.py" line="579" />
            <source>. With {digits:,} digits and the same number of steps ({steps:,}): {train} vs {test}, a gap of {gap}.</source>
            <translation>。用 {digits:,} 个数字、相同的步数（{steps:,}）时：{train} 对 {test}，相差 {gap}。</translation>
        </message>
        <message>
            <location filename="../../playground/core/training/experiments.py" line="582" />
            <source>. With {digits:,} digits and about the same number of steps ({steps:,} vs {small_steps:,}): {train} vs {test}, a gap of {gap}.</source>
            <translation>。用 {digits:,} 个数字、大致相同的步数（{steps:,} 对 {small_steps:,}）时：{train} 对 {test}，相差 {gap}。</translation>
        </message>
        <message>
            <location filename="../../playground/core/training/experiments.py" line="599" />
            <source>Chosen by validation error: {label} ({error}; its test error, the honest estimate, is {test}), ahead of {others}.</source>
            <translation>按验证误差选中：{label}（{error}；它的测试误差，即诚实的估计，为 {test}），优于 {others}。</translation>
        </message>
        <message>
            <location filename="../../playground/core/training/experiments.py" line="456" />
            <source>{value:.1f} points</source>
            <translation>{value:.1f} 个百分点</translation>
        </message>
        <message>
            <location filename="../../playground/core/training/experiments.py" line="482" />
            <source>After {epochs}, Adam reached {adam} test accuracy; plain gradient descent at the same learning rate ({lr:g}) reached {same}</source>
            <translation>训练 {epochs}后，Adam 的测试准确率达到 {adam}；相同学习率（{lr:g}）下，普通梯度下降达到 {same}</translation>
        </message>
        <message>
            <location filename="../../playground/core/training/experiments.py" line="488" />
            <source> — here gradient descent did better even at Adam's learning rate.</source>
            <translation>——这里即使用 Adam 的学习率，梯度下降也表现更好。</translation>
        </message>
        <message>
            <location filename="../../playground/core/training/experiments.py" line="490" />
            <source> — about the same.</source>
            <translation>——两者大致相同。</translation>
        </message>
        <message>
            <location filename="../../playground/core/training/experiments.py" line="521" />
            <source> Before training, the first layer's gradient was {sigmoid} of the last layer's with Sigmoid and {relu} with ReLU: the gradient vanishes on its way back through the sigmoids.</source>
            <translation>训练前，第一层的梯度在使用 Sigmoid 时是最后一层的 {sigmoid}，使用 ReLU 时是 {relu}：梯度在反向穿过各个 sigmoid 层时逐渐消失。</translation>
        </message>
        <message>
            <location filename="../../playground/core/training/experiments.py" line="524" />
            <source> Before training, the first layer's gradient was {sigmoid} of the last layer's with Sigmoid and {relu} with ReLU.</source>
            <translation>训练前，第一层的梯度在使用 Sigmoid 时是最后一层的 {sigmoid}，使用 ReLU 时是 {relu}。</translation>
        </message>
        <message>
            <location filename="../../playground/core/training/experiments.py" line="594" />
            <source> and </source>
            <translation>、</translation>
        </message>
        <message>
            <location filename="../../playground/core/training/experiments.py" line="602" />
            <source>Chosen by validation error: {label} ({error}; its test error, the honest estimate, is {test}).</source>
            <translation>按验证误差选中：{label}（{error}；它的测试误差，即诚实的估计，为 {test}）。</translation>
        </message>
        <message>
            <location filename="../../playground/core/training/experiments.py" line="650" />
            <location filename="../../playground/core/explain/learn_topics.py" line="0" />
            <source>Adam vs plain gradient descent</source>
            <translation>Adam 与普通梯度下降</translation>
        </message>
        <message>
            <location filename="../../playground/core/training/experiments.py" line="651" />
            <source>Adam adapts each weight's step size and uses momentum, so it reaches a good result in fewer epochs than gradient descent with a fixed learning rate.</source>
            <translation>Adam 为每个权重自适应地调整步长并使用动量，因此比固定学习率的梯度下降用更少的轮次就能得到好结果。</translation>
        </message>
        <message>
            <location filename="../../playground/core/training/experiments.py" line="660" />
            <source>The notes' SimpleNN, the same seed and the same batches of 64 for all three; only the update rule differs. At the same learning rate the comparison isolates the optimizer: Adam divides each step by the size of that weight's recent gradients, so 0.001 is a sensible step for every weight, while gradient descent moves each weight by 0.001 × its gradient. Since plain (mini-batch) gradient descent is normally run at 0.01–0.1, it also runs at its usual rate — the fairer comparison.</source>
            <translation>三者都使用课程笔记中的 SimpleNN、相同的随机种子和相同的 64 个样本一批的批次，只有更新规则不同。在相同学习率下，比较的只是优化器：Adam 把每一步除以该权重近期梯度的大小，所以 0.001 对每个权重都是合理的步长；而梯度下降让每个权重移动 0.001 × 其梯度。普通（小批量）梯度下降通常使用 0.01–0.1 的学习率，所以它也以常用的学习率跑一次——这才是更公平的比较。</translation>
        </message>
        <message>
            <location filename="../../playground/core/training/experiments.py" line="665" />
            <source>Watch how fast each loss curve falls in the first few hundred steps, and compare the test accuracy at the end.</source>
            <translation>观察每条损失曲线在前几百步下降得有多快，并比较最后的测试准确率。</translation>
        </message>
        <message>
            <location filename="../../playground/core/training/experiments.py" line="670" />
            <source>ReLU vs Sigmoid in hidden layers</source>
            <translation>隐藏层中的 ReLU 与 Sigmoid</translation>
        </message>
        <message>
            <location filename="../../playground/core/training/experiments.py" line="671" />
            <source>ReLU is the default activation for hidden layers: it learns faster than Sigmoid, especially with gradient descent.</source>
            <translation>ReLU 是隐藏层默认的激活函数：它比 Sigmoid 学得更快，尤其是在使用梯度下降时。</translation>
        </message>
        <message>
            <location filename="../../playground/core/training/experiments.py" line="680" />
            <source>Five hidden layers of 128 units, deep enough for the vanishing gradient to show, trained by plain gradient descent (lr 0.1) with the same seed and batches; only the activation differs. The sigmoid's slope is at most 0.25, so backpropagation shrinks the error signal at every sigmoid layer; ReLU passes it on unchanged wherever the unit is active. Before training, the gradient reaching each layer is measured on 256 digits.</source>
            <translation>五个各有 128 个单元的隐藏层，深度足以显现梯度消失；用普通梯度下降（lr 0.1）、相同的随机种子和批次训练，只有激活函数不同。sigmoid 的斜率最大只有 0.25，所以反向传播每经过一个 sigmoid 层，误差信号都会缩小；而 ReLU 在单元激活处把它原样传递下去。训练前，会在 256 个数字上测量到达每一层的梯度。</translation>
        </message>
        <message>
            <location filename="../../playground/core/training/experiments.py" line="685" />
            <source>The sigmoid network's loss stays near ln 10 ≈ 2.3 (guessing) while the ReLU network's falls; the conclusion compares how much gradient reaches the first layer in each.</source>
            <translation>sigmoid 网络的损失一直停在 ln 10 ≈ 2.3 附近（相当于瞎猜），而 ReLU 网络的损失不断下降；结论会比较两者各有多少梯度到达第一层。</translation>
        </message>
        <message>
            <location filename="../../playground/core/training/experiments.py" line="690" />
            <source>Linear layers stay linear</source>
            <translation>线性层叠加仍是线性的</translation>
        </message>
        <message>
            <location filename="../../playground/core/training/experiments.py" line="691" />
            <source>Without activation functions a whole network is just a linear model: stacking Linear layers adds parameters but no power.</source>
            <translation>没有激活函数，整个网络只是一个线性模型：堆叠 Linear 层只会增加参数，不会增加表达能力。</translation>
        </message>
        <message>
            <location filename="../../playground/core/training/experiments.py" line="701" />
            <source>All 60,000 training digits, 2 epochs of Adam (lr 0.001) for each. The three Linear layers multiply into one matrix W³W²W¹, so that network can only learn what softmax regression can; adding ReLU between the same layers is the only change in the third.</source>
            <translation>使用全部 60,000 个训练数字，每个候选都用 Adam（lr 0.001）训练 2 轮。三个 Linear 层相乘后就是一个矩阵 W³W²W¹，所以那个网络只能学到 softmax 回归能学到的东西；第三个候选唯一的改变，是在同样的层之间加入 ReLU。</translation>
        </message>
        <message>
            <location filename="../../playground/core/training/experiments.py" line="704" />
            <source>The two linear models' curves lie on top of each other; the network with activations pulls away.</source>
            <translation>两个线性模型的曲线几乎重合；带激活函数的网络则明显领先。</translation>
        </message>
        <message>
            <location filename="../../playground/core/training/experiments.py" line="708" />
            <source>A circle needs a non-linear network</source>
            <translation>圆形需要非线性网络</translation>
        </message>
        <message>
            <location filename="../../playground/core/training/experiments.py" line="709" />
            <source>If every layer is linear, the network can only separate classes with a straight line, so it cannot learn data like a circle.</source>
            <translation>如果每一层都是线性的，网络只能用一条直线分开各个类别，因此学不会圆形这样的数据。</translation>
        </message>
        <message>
            <location filename="../../playground/core/training/experiments.py" line="721" />
            <source>400 generated points, inside or outside a circle (200 to learn from, 200 to test); two hidden layers of 8 units, Adam (lr 0.03), batches of 20, 40 epochs; the only difference is ReLU after each hidden layer.</source>
            <translation>400 个生成的点，位于圆内或圆外（200 个用于学习，200 个用于测试）；两个各有 8 个单元的隐藏层，Adam（lr 0.03），批大小 20，40 轮；唯一的区别是每个隐藏层后面是否有 ReLU。</translation>
        </message>
        <message>
            <location filename="../../playground/core/training/experiments.py" line="724" />
            <source>The linear network's loss stays near ln 2 ≈ 0.69, the loss of a coin toss; the ReLU network's falls towards 0.</source>
            <translation>线性网络的损失停在 ln 2 ≈ 0.69 附近，相当于抛硬币的损失；ReLU 网络的损失则下降到接近 0。</translation>
        </message>
        <message>
            <location filename="../../playground/core/training/experiments.py" line="729" />
            <source>Small vs large training set (over-fitting)</source>
            <translation>小训练集与大训练集（过拟合）</translation>
        </message>
        <message>
            <location filename="../../playground/core/training/experiments.py" line="730" />
            <source>Over-fitting shows as a low training error but a high test error; more training data helps the network generalise.</source>
            <translation>过拟合表现为训练误差低而测试误差高；更多训练数据有助于网络泛化。</translation>
        </message>
        <message>
            <location filename="../../playground/core/training/experiments.py" line="738" />
            <source>The notes' SimpleNN with Adam (lr 0.001) and the same number of gradient steps (320) for both: 40 passes over 512 digits, or one pass over 20,480. Both are scored with their final weights on the digits they learned from and on 5,000 test digits they never saw.</source>
            <translation>两者都使用课程笔记中的 SimpleNN、Adam（lr 0.001）和相同的梯度步数（320）：在 512 个数字上遍历 40 次，或在 20,480 个数字上遍历一次。两者都用最终权重，分别在学过的数字和从未见过的 5,000 个测试数字上评分。</translation>
        </message>
        <message>
            <location filename="../../playground/core/training/experiments.py" line="741" />
            <source>Compare each candidate's training and test error in the table: the gap between them is what over-fitting looks like.</source>
            <translation>比较表中每个候选的训练误差和测试误差：两者之间的差距就是过拟合的样子。</translation>
        </message>
        <message>
            <location filename="../../playground/core/training/experiments.py" line="746" />
            <source>Model selection: softmax regression, MLP or CNN?</source>
            <translation>模型选择：softmax 回归、MLP 还是 CNN？</translation>
        </message>
        <message>
            <location filename="../../playground/core/training/experiments.py" line="747" />
            <source>Choose between models by their error on data they were not trained on, and keep the test set for the final estimate of the chosen one.</source>
            <translation>根据模型在未训练过的数据上的误差来挑选模型，并把测试集留到最后，用来估计所选模型的误差。</translation>
        </message>
        <message>
            <location filename="../../playground/core/training/experiments.py" line="757" />
            <source>10,240 training digits, 2,048 validation digits held out of them, and 5,000 test digits; 2 epochs of Adam (lr 0.001) each. The winner is chosen by validation error; its test error was not used to choose, so it estimates the error on new digits fairly.</source>
            <translation>10,240 个训练数字，其中留出 2,048 个作为验证数字，另有 5,000 个测试数字；每个模型用 Adam（lr 0.001）训练 2 轮。按验证误差选出胜者；它的测试误差没有用于挑选，因此能公平地估计在新数字上的误差。</translation>
        </message>
        <message>
            <location filename="../../playground/core/training/experiments.py" line="760" />
            <source>The table ranks the models by validation error and marks the one chosen; a large train–test gap would warn of over-fitting.</source>
            <translation>表格按验证误差给模型排名并标出选中的那个；训练误差与测试误差相差很大则提示过拟合。</translation>
        </message>
        <message>
            <location filename="../../playground/core/training/experiments.py" line="97" />
            <source>{train:,} training and {test:,} test digits</source>
            <translation>{train:,} 个训练数字和 {test:,} 个测试数字</translation>
        </message>
        <message>
            <location filename="../../playground/core/training/experiments.py" line="175" />
            <location filename="../../playground/ui/workspaces/matrices/matrix_editor.py" line="603" />
            <source>; </source>
            <translation>；</translation>
        </message>
        <message>
            <location filename="../../playground/core/training/experiments.py" line="467" />
            <source>{n:g} epoch</source>
            <translation>{n:g} 轮</translation>
        </message>
        <message>
            <location filename="../../playground/core/training/experiments.py" line="467" />
            <source>{n:g} epochs</source>
            <translation>{n:g} 轮</translation>
        </message>
        <message>
            <location filename="../../playground/core/training/experiments.py" line="486" />
            <source> — with the same step size Adam learned far faster ({ahead} ahead).</source>
            <translation>——步长相同时，Adam 学得快得多（领先 {ahead}）。</translation>
        </message>
        <message>
            <location filename="../../playground/core/training/experiments.py" line="493" />
            <source> Given its usual, {ratio:g}× larger rate ({lr:g}), gradient descent reached {usual}, about the same as Adam: it can keep up, but only once its learning rate is tuned.</source>
            <translation>换用它常用的、大 {ratio:g} 倍的学习率（{lr:g}）后，梯度下降达到 {usual}，与 Adam 大致相同：它能跟上，但前提是调好学习率。</translation>
        </message>
        <message>
            <location filename="../../playground/core/training/experiments.py" line="495" />
            <source> Given its usual, {ratio:g}× larger rate ({lr:g}), gradient descent reached {usual}, more than Adam: it can keep up, but only once its learning rate is tuned.</source>
            <translation>换用它常用的、大 {ratio:g} 倍的学习率（{lr:g}）后，梯度下降达到 {usual}，高于 Adam：它能跟上，但前提是调好学习率。</translation>
        </message>
        <message>
            <location filename="../../playground/core/training/experiments.py" line="497" />
            <source> Given its usual, {ratio:g}× larger rate ({lr:g}), gradient descent reached {usual}, less than Adam: it can keep up, but only once its learning rate is tuned.</source>
            <translation>换用它常用的、大 {ratio:g} 倍的学习率（{lr:g}）后，梯度下降达到 {usual}，低于 Adam：它能跟上，但前提是调好学习率。</translation>
        </message>
        <message>
            <location filename="../../playground/core/training/experiments.py" line="503" />
            <source> Even at its usual learning rate ({lr:g}) gradient descent reached only {usual}, {behind} behind Adam.</source>
            <translation>即使用它常用的学习率（{lr:g}），梯度下降也只达到 {usual}，落后 Adam {behind}。</translation>
        </message>
        <message>
            <location filename="../../playground/core/training/experiments.py" line="548" />
            <source>. The same three layers with ReLU between them reached {mlp} — the activations make the difference.</source>
            <translation>。同样的三层之间加入 ReLU 后达到 {mlp}——正是激活函数带来了差别。</translation>
        </message>
        <message>
            <location filename="../../playground/core/training/experiments.py" line="551" />
            <source>. The same three layers with ReLU between them reached {mlp}.</source>
            <translation>。同样的三层之间加入 ReLU 后达到 {mlp}。</translation>
        </message>
        <message>
            <location filename="../../playground/core/training/experiments.py" line="604" />
            <source>Chosen by test error: {label} ({error}), ahead of {others}.</source>
            <translation>按测试误差选中：{label}（{error}），优于 {others}。</translation>
        </message>
        <message>
            <location filename="../../playground/core/training/experiments.py" line="606" />
            <source>Chosen by test error: {label} ({error}).</source>
            <translation>按测试误差选中：{label}（{error}）。</translation>
        </message>
        <message>
            <location filename="../../playground/core/training/experiments.py" line="92" />
            <source>{name} (2-D points): {train:,} training and {test:,} test points</source>
            <translation>{name}（二维点）：{train:,} 个训练点和 {test:,} 个测试点</translation>
        </message>
        <message>
            <location filename="../../playground/core/training/experiments.py" line="95" />
            <source>{train:,} training, {val:,} validation and {test:,} test digits</source>
            <translation>{train:,} 个训练数字、{val:,} 个验证数字和 {test:,} 个测试数字</translation>
        </message>
        <message>
            <location filename="../../playground/core/training/experiments.py" line="171" />
            <source>{data}, {epochs}</source>
            <translation>{data}，{epochs}</translation>
        </message>
        <message>
            <location filename="../../playground/core/training/experiments.py" line="261" />
            <source>The experiment failed: {error}</source>
            <translation>实验失败：{error}</translation>
        </message>
        <message>
            <location filename="../../playground/core/training/experiments.py" line="266" />
            <source>Only {done} of {total} candidates finished.</source>
            <translation>{total} 个候选中只有 {done} 个完成。</translation>
        </message>
        <message>
            <location filename="../../playground/core/training/experiments.py" line="270" />
            <source> ({names} diverged: its weights blew up and training stopped early.)</source>
            <translation>（{names} 发散了：权重爆炸，训练提前停止。）</translation>
        </message>
        <message>
            <location filename="../../playground/core/training/experiments.py" line="540" />
            <source>Three Linear layers without activations reached {stack} test accuracy, about the same as one Linear layer (softmax regression, {softmax}), although they have {times:.0f}× its parameters</source>
            <translation>没有激活函数的三个 Linear 层测试准确率为 {stack}，与单个 Linear 层（softmax 回归，{softmax}）大致相同，尽管参数量是它的 {times:.0f} 倍</translation>
        </message>
        <message>
            <location filename="../../playground/core/training/experiments.py" line="542" />
            <source>Three Linear layers without activations reached {stack} test accuracy, more than one Linear layer (softmax regression, {softmax}), although they have {times:.0f}× its parameters</source>
            <translation>没有激活函数的三个 Linear 层测试准确率为 {stack}，高于单个 Linear 层（softmax 回归，{softmax}），而参数量是它的 {times:.0f} 倍</translation>
        </message>
        <message>
            <location filename="../../playground/core/training/experiments.py" line="544" />
            <source>Three Linear layers without activations reached {stack} test accuracy, less than one Linear layer (softmax regression, {softmax}), although they have {times:.0f}× its parameters</source>
            <translation>没有激活函数的三个 Linear 层测试准确率为 {stack}，低于单个 Linear 层（softmax 回归，{softmax}），尽管参数量是它的 {times:.0f} 倍</translation>
        </message>
        <message>
            <location filename="../../playground/core/training/experiments.py" line="595" />
            <source>{label} ({error})</source>
            <translation>{label}（{error}）</translation>
        </message>
        <message>
            <location filename="../../playground/core/training/experiments.py" line="654" />
            <source>Adam, lr 0.001</source>
            <translation>Adam，lr 0.001</translation>
        </message>
        <message>
            <location filename="../../playground/core/training/experiments.py" line="654" />
            <source>the notes' optimizer and rate</source>
            <translation>课程笔记中的优化器和学习率</translation>
        </message>
        <message>
            <location filename="../../playground/core/training/experiments.py" line="655" />
            <source>Gradient descent, lr 0.001</source>
            <translation>梯度下降，lr 0.001</translation>
        </message>
        <message>
            <location filename="../../playground/core/training/experiments.py" line="656" />
            <source>the same learning rate</source>
            <translation>相同的学习率</translation>
        </message>
        <message>
            <location filename="../../playground/core/training/experiments.py" line="657" />
            <source>Gradient descent, lr 0.1</source>
            <translation>梯度下降，lr 0.1</translation>
        </message>
        <message>
            <location filename="../../playground/core/training/experiments.py" line="658" />
            <source>its usual learning rate</source>
            <translation>它常用的学习率</translation>
        </message>
        <message>
            <location filename="../../playground/core/training/experiments.py" line="674" />
            <source>ReLU</source>
            <translation>ReLU</translation>
        </message>
        <message>
            <location filename="../../playground/core/training/experiments.py" line="675" />
            <source>5 hidden layers of 128, ReLU</source>
            <translation>5 个 128 单元的隐藏层，ReLU</translation>
        </message>
        <message>
            <location filename="../../playground/core/training/experiments.py" line="676" />
            <source>Sigmoid</source>
            <translation>Sigmoid</translation>
        </message>
        <message>
            <location filename="../../playground/core/training/experiments.py" line="678" />
            <source>5 hidden layers of 128, Sigmoid</source>
            <translation>5 个 128 单元的隐藏层，Sigmoid</translation>
        </message>
        <message>
            <location filename="../../playground/core/training/experiments.py" line="694" />
            <location filename="../../playground/core/training/experiments.py" line="750" />
            <source>Softmax regression</source>
            <translation>Softmax 回归</translation>
        </message>
        <message>
            <location filename="../../playground/core/training/experiments.py" line="695" />
            <source>one Linear layer, 7,850 parameters</source>
            <translation>一个 Linear 层，7,850 个参数</translation>
        </message>
        <message>
            <location filename="../../playground/core/training/experiments.py" line="696" />
            <source>Three Linear layers</source>
            <translation>三个 Linear 层</translation>
        </message>
        <message>
            <location filename="../../playground/core/training/experiments.py" line="697" />
            <source>784-128-64-10, no activations</source>
            <translation>784-128-64-10，无激活函数</translation>
        </message>
        <message>
            <location filename="../../playground/core/training/experiments.py" line="698" />
            <source>Three Linear + ReLU</source>
            <translation>三个 Linear + ReLU</translation>
        </message>
        <message>
            <location filename="../../playground/core/training/experiments.py" line="699" />
            <source>the same layers with ReLU: SimpleNN</source>
            <translation>同样的层加上 ReLU：SimpleNN</translation>
        </message>
        <message>
            <location filename="../../playground/core/training/experiments.py" line="712" />
            <source>Linear layers only</source>
            <translation>只有 Linear 层</translation>
        </message>
        <message>
            <location filename="../../playground/core/training/experiments.py" line="715" />
            <source>2-8-8-1, no activations</source>
            <translation>2-8-8-1，无激活函数</translation>
        </message>
        <message>
            <location filename="../../playground/core/training/experiments.py" line="716" />
            <source>With ReLU</source>
            <translation>加上 ReLU</translation>
        </message>
        <message>
            <location filename="../../playground/core/training/experiments.py" line="719" />
            <source>2-8-8-1 with ReLU</source>
            <translation>2-8-8-1，带 ReLU</translation>
        </message>
        <message>
            <location filename="../../playground/core/training/experiments.py" line="733" />
            <source>512 training digits</source>
            <translation>512 个训练数字</translation>
        </message>
        <message>
            <location filename="../../playground/core/training/experiments.py" line="734" />
            <source>40 epochs of 8 steps</source>
            <translation>40 轮，每轮 8 步</translation>
        </message>
        <message>
            <location filename="../../playground/core/training/experiments.py" line="735" />
            <source>20,480 training digits</source>
            <translation>20,480 个训练数字</translation>
        </message>
        <message>
            <location filename="../../playground/core/training/experiments.py" line="736" />
            <source>1 epoch of 320 steps</source>
            <translation>1 轮，共 320 步</translation>
        </message>
        <message>
            <location filename="../../playground/core/training/experiments.py" line="751" />
            <source>7,850 parameters</source>
            <translation>7,850 个参数</translation>
        </message>
        <message>
            <location filename="../../playground/core/training/experiments.py" line="752" />
            <source>MLP (SimpleNN)</source>
            <translation>MLP（SimpleNN）</translation>
        </message>
        <message>
            <location filename="../../playground/core/training/experiments.py" line="753" />
            <source>109,386 parameters</source>
            <translation>109,386 个参数</translation>
        </message>
        <message>
            <location filename="../../playground/core/training/experiments.py" line="754" />
            <source>CNN</source>
            <translation>CNN</translation>
        </message>
        <message>
            <location filename="../../playground/core/training/experiments.py" line="755" />
            <source>215,370 parameters</source>
            <translation>215,370 个参数</translation>
        </message>
        <message>
            <location filename="../../playground/core/training/experiments.py" line="175" />
            <source>{label}: {data}, {epochs}</source>
            <translation>{label}：{data}，{epochs}</translation>
        </message>
        <message>
            <location filename="../../playground/core/training/experiments.py" line="264" />
            <source>Cancelled after {done} of {total} candidates: run it to the end for a conclusion.</source>
            <translation>在 {total} 个候选中完成 {done} 个后已取消：完整运行才能得出结论。</translation>
        </message>
        <message>
            <location filename="../../playground/core/training/experiments.py" line="328" />
            <source>{candidate}: {error}</source>
            <translation>{candidate}：{error}</translation>
        </message>
        <message>
            <location filename="../../playground/core/training/optimizers.py" line="32" />
            <source>Unknown optimizer '{name}'.</source>
            <translation>未知的优化器“{name}”。</translation>
        </message>
        <message>
            <location filename="../../playground/core/training/runs.py" line="43" />
            <source>Run {id}</source>
            <translation>运行 {id}</translation>
        </message>
        <message>
            <location filename="../../playground/core/training/runs.py" line="46" />
            <source>running</source>
            <translation>运行中</translation>
        </message>
        <message>
            <location filename="../../playground/core/training/runs.py" line="46" />
            <source>paused</source>
            <translation>已暂停</translation>
        </message>
        <message>
            <location filename="../../playground/core/training/runs.py" line="46" />
            <source>completed</source>
            <translation>已完成</translation>
        </message>
        <message>
            <location filename="../../playground/core/training/runs.py" line="46" />
            <location filename="../../playground/ui/workspaces/runs/experiments_panel.py" line="100" />
            <source>stopped</source>
            <translation>已停止</translation>
        </message>
        <message>
            <location filename="../../playground/core/training/runs.py" line="47" />
            <location filename="../../playground/ui/workspaces/runs/experiments_panel.py" line="100" />
            <source>diverged</source>
            <translation>已发散</translation>
        </message>
        <message>
            <location filename="../../playground/core/training/runs.py" line="47" />
            <source>forked</source>
            <translation>已分叉</translation>
        </message>
        <message>
            <location filename="../../playground/core/training/runs.py" line="47" />
            <source>error</source>
            <translation>出错</translation>
        </message>
        <message>
            <location filename="../../playground/core/training/runs.py" line="52" />
            <source>batch size {old} → {new}</source>
            <translation>批大小 {old} → {new}</translation>
        </message>
        <message>
            <location filename="../../playground/core/training/runs.py" line="52" />
            <source>learning rate {old} → {new}</source>
            <translation>学习率 {old} → {new}</translation>
        </message>
        <message>
            <location filename="../../playground/core/training/runs.py" line="53" />
            <source>optimizer {old} → {new}</source>
            <translation>优化器 {old} → {new}</translation>
        </message>
        <message>
            <location filename="../../playground/core/training/runs.py" line="53" />
            <source>momentum {old} → {new}</source>
            <translation>动量 {old} → {new}</translation>
        </message>
        <message>
            <location filename="../../playground/core/training/runs.py" line="54" />
            <source>weight decay {old} → {new}</source>
            <translation>权重衰减 {old} → {new}</translation>
        </message>
        <message>
            <location filename="../../playground/core/training/runs.py" line="54" />
            <source>task {old} → {new}</source>
            <translation>任务 {old} → {new}</translation>
        </message>
        <message>
            <location filename="../../playground/core/training/runs.py" line="55" />
            <source>loss {old} → {new}</source>
            <translation>损失函数 {old} → {new}</translation>
        </message>
        <message>
            <location filename="../../playground/core/training/runs.py" line="55" />
            <source>regularization {old} → {new}</source>
            <translation>正则化 {old} → {new}</translation>
        </message>
        <message>
            <location filename="../../playground/core/training/runs.py" line="56" />
            <source>regularization rate {old} → {new}</source>
            <translation>正则化率 {old} → {new}</translation>
        </message>
        <message>
            <location filename="../../playground/core/training/runs.py" line="56" />
            <source>lr schedule {old} → {new}</source>
            <translation>学习率调度 {old} → {new}</translation>
        </message>
        <message>
            <location filename="../../playground/core/training/runs.py" line="57" />
            <source>lr step epochs {old} → {new}</source>
            <translation>学习率衰减间隔轮数 {old} → {new}</translation>
        </message>
        <message>
            <location filename="../../playground/core/training/runs.py" line="57" />
            <source>lr gamma {old} → {new}</source>
            <translation>学习率衰减系数 γ {old} → {new}</translation>
        </message>
        <message>
            <location filename="../../playground/core/training/runs.py" line="58" />
            <source>seed {old} → {new}</source>
            <translation>随机种子 {old} → {new}</translation>
        </message>
        <message>
            <location filename="../../playground/core/training/runs.py" line="58" />
            <source>validation fraction {old} → {new}</source>
            <translation>验证集比例 {old} → {new}</translation>
        </message>
        <message>
            <location filename="../../playground/core/training/runs.py" line="59" />
            <source>normalize mean {old} → {new}</source>
            <translation>归一化均值 {old} → {new}</translation>
        </message>
        <message>
            <location filename="../../playground/core/training/runs.py" line="59" />
            <source>normalize std {old} → {new}</source>
            <translation>归一化标准差 {old} → {new}</translation>
        </message>
        <message>
            <location filename="../../playground/core/training/runs.py" line="128" />
            <source>{optimizer}, lr {learning_rate:g}, batch {batch_size}</source>
            <translation>{optimizer}，学习率 {learning_rate:g}，批大小 {batch_size}</translation>
        </message>
        <message>
            <location filename="../../playground/core/training/sweeps.py" line="99" />
            <source>above 0</source>
            <translation>大于 0</translation>
        </message>
        <message>
            <location filename="../../playground/core/training/sweeps.py" line="99" />
            <source>0 or more</source>
            <translation>不小于 0</translation>
        </message>
        <message>
            <location filename="../../playground/core/training/sweeps.py" line="109" />
            <source>Name at least one setting to sweep, e.g. lr=1e-3,3e-3.</source>
            <translation>请至少指定一个要扫描的设置，例如 lr=1e-3,3e-3。</translation>
        </message>
        <message>
            <location filename="../../playground/core/training/sweeps.py" line="147" />
            <source>dropout: the network has no Dropout layer to change.</source>
            <translation>dropout：网络中没有可修改的 Dropout 层。</translation>
        </message>
        <message>
            <location filename="../../playground/core/training/sweeps.py" line="61" />
            <source>'{text}' is not NAME=VALUE,VALUE,… (e.g. lr=1e-3,3e-3).</source>
            <translation>“{text}”不是 NAME=VALUE,VALUE,… 的形式（例如 lr=1e-3,3e-3）。</translation>
        </message>
        <message>
            <location filename="../../playground/core/training/sweeps.py" line="63" />
            <source>Unknown setting '{name}'. Choose from: {choices}.</source>
            <translation>未知的设置“{name}”。可选：{choices}。</translation>
        </message>
        <message>
            <location filename="../../playground/core/training/sweeps.py" line="66" />
            <source>'{name}' needs a layer name, e.g. units.fc1.</source>
            <translation>“{name}”需要一个层名，例如 units.fc1。</translation>
        </message>
        <message>
            <location filename="../../playground/core/training/sweeps.py" line="69" />
            <source>{name}: a value is empty; list them as {name}=A,B,C.</source>
            <translation>{name}：有一个值为空；请写成 {name}=A,B,C。</translation>
        </message>
        <message>
            <location filename="../../playground/core/training/sweeps.py" line="71" />
            <source>{name}: {count} values; at most {limit} per setting.</source>
            <translation>{name}：共 {count} 个值；每个设置最多 {limit} 个。</translation>
        </message>
        <message>
            <location filename="../../playground/core/training/sweeps.py" line="75" />
            <source>{name}: a value is listed twice.</source>
            <translation>{name}：有一个值列出了两次。</translation>
        </message>
        <message>
            <location filename="../../playground/core/training/sweeps.py" line="100" />
            <source>{name}: {value} cannot be used; it must be a number {bound}.</source>
            <translation>{name}：不能使用 {value}；它必须是{bound}的数。</translation>
        </message>
        <message>
            <location filename="../../playground/core/training/sweeps.py" line="111" />
            <source>{count} settings to sweep; at most {limit} at a time.</source>
            <translation>要扫描 {count} 个设置；一次最多 {limit} 个。</translation>
        </message>
        <message>
            <location filename="../../playground/core/training/sweeps.py" line="157" />
            <source>units.{layer}: the network has no layer named '{layer}' (its layers: {names}).</source>
            <translation>units.{layer}：网络中没有名为“{layer}”的层（它的层：{names}）。</translation>
        </message>
        <message>
            <location filename="../../playground/core/training/sweeps.py" line="163" />
            <source>units.{layer}: a {type} layer has no width; choose a Linear or Conv2d layer.</source>
            <translation>units.{layer}：{type} 层没有宽度；请选择 Linear 或 Conv2d 层。</translation>
        </message>
        <message>
            <location filename="../../playground/core/training/sweeps.py" line="167" />
            <source>units.{layer}: this is the output layer; its width is set by the task.</source>
            <translation>units.{layer}：这是输出层；它的宽度由任务决定。</translation>
        </message>
        <message>
            <location filename="../../playground/core/training/sweeps.py" line="192" />
            <source>{count} random runs asked for, but the grid holds {size} combinations.</source>
            <translation>要求随机训练 {count} 次，但网格只有 {size} 种组合。</translation>
        </message>
        <message>
            <location filename="../../playground/core/training/sweeps.py" line="82" />
            <location filename="../../playground/core/training/training_config.py" line="105" />
            <source>Unknown optimizer '{optimizer}'. Choose one of: {choices}.</source>
            <translation>未知的优化器“{optimizer}”。请从以下选项中选择：{choices}。</translation>
        </message>
        <message>
            <location filename="../../playground/core/training/sweeps.py" line="92" />
            <source>{name}: {value} is too small; it must be 1 or more.</source>
            <translation>{name}：{value} 太小；必须为 1 或更大。</translation>
        </message>
        <message>
            <location filename="../../playground/core/training/sweeps.py" line="97" />
            <source>{name}: '{value}' is not a number.</source>
            <translation>{name}：“{value}”不是数字。</translation>
        </message>
        <message>
            <location filename="../../playground/core/training/sweeps.py" line="116" />
            <source>{name} is given twice; list all its values once: {name}=A,B.</source>
            <translation>{name} 给出了两次；请一次列出它的全部值：{name}=A,B。</translation>
        </message>
        <message>
            <location filename="../../playground/core/training/sweeps.py" line="89" />
            <source>{name}: '{value}' is not a whole number.</source>
            <translation>{name}：“{value}”不是整数。</translation>
        </message>
        <message>
            <location filename="../../playground/core/training/sweeps.py" line="122" />
            <source>{name}={value}: {error}</source>
            <translation>{name}={value}：{error}</translation>
        </message>
        <message>
            <location filename="../../playground/core/training/tensorboard_log.py" line="95" />
            <source>TensorBoard logs cannot be written to {folder}: {error}</source>
            <translation>无法将 TensorBoard 日志写入 {folder}：{error}</translation>
        </message>
        <message>
            <location filename="../../playground/core/training/trainer.py" line="129" />
            <source>Training needs about {need} of GPU memory at batch size {batch}, but only {free} is free.</source>
            <translation>以批大小 {batch} 训练大约需要 {need} 显存，但只有 {free} 可用。</translation>
        </message>
        <message>
            <location filename="../../playground/core/training/trainer.py" line="131" />
            <source>Training needs about {need} of memory at batch size {batch}, but only {free} is free.</source>
            <translation>以批大小 {batch} 训练大约需要 {need} 内存，但只有 {free} 可用。</translation>
        </message>
        <message>
            <location filename="../../playground/core/training/trainer.py" line="133" />
            <source>Use a smaller batch size (about {largest:,} fits) or fewer units or channels.</source>
            <translation>请使用更小的批大小（约 {largest:,} 可以放下），或减少单元数或通道数。</translation>
        </message>
        <message>
            <location filename="../../playground/core/training/trainer.py" line="135" />
            <source>Use fewer units or channels.</source>
            <translation>请减少单元数或通道数。</translation>
        </message>
        <message>
            <location filename="../../playground/core/training/trainer.py" line="595" />
            <source>The loss became NaN at step {step} (epoch {epoch}): the weights diverged.</source>
            <translation>损失在第 {step} 步（第 {epoch} 轮）变成了 NaN：权重发散了。</translation>
        </message>
        <message>
            <location filename="../../playground/core/training/trainer.py" line="603" />
            <source>Try a learning rate about 10× lower (now {lr:g}), or Adam instead of SGD.</source>
            <translation>请尝试把学习率降低约 10 倍（当前为 {lr:g}），或用 Adam 代替 SGD。</translation>
        </message>
        <message>
            <location filename="../../playground/core/training/trainer.py" line="605" />
            <source>Try a learning rate about 10× lower (now {lr:g}).</source>
            <translation>请尝试把学习率降低约 10 倍（当前为 {lr:g}）。</translation>
        </message>
        <message>
            <location filename="../../playground/core/training/trainer.py" line="236" />
            <source>Mixed precision (AMP) works on CUDA only; training in full precision on the CPU.</source>
            <translation>混合精度（AMP）只能在 CUDA 上使用；改为在 CPU 上以全精度训练。</translation>
        </message>
        <message>
            <location filename="../../playground/core/training/trainer.py" line="597" />
            <source>The loss became infinite at step {step} (epoch {epoch}): the weights diverged.</source>
            <translation>损失在第 {step} 步（第 {epoch} 轮）变成了无穷大：权重发散了。</translation>
        </message>
        <message>
            <location filename="../../playground/core/training/trainer.py" line="599" />
            <source>The loss became {loss:,.0f}, over {factor}× where it started, at step {step} (epoch {epoch}): the weights diverged.</source>
            <translation>损失在第 {step} 步（第 {epoch} 轮）变成了 {loss:,.0f}，超过初始值的 {factor} 倍：权重发散了。</translation>
        </message>
        <message>
            <location filename="../../playground/core/training/trainer.py" line="606" />
            <source>{problem} Training stopped and the last weights with a sane loss were restored. {advice}</source>
            <translation>{problem}训练已停止，并已恢复到损失正常时的最后一组权重。{advice}</translation>
        </message>
        <message>
            <location filename="../../playground/core/training/trainer.py" line="244" />
            <source>The network expects inputs of {expected} but the data set '{name}' has images of {shape}: set the network's input to {shape}.</source>
            <translation>网络需要形状为 {expected} 的输入，但数据集“{name}”的图像是 {shape}：请把网络的输入设为 {shape}。</translation>
        </message>
        <message>
            <location filename="../../playground/core/training/trainer.py" line="247" />
            <source>The network expects inputs of {expected} but the data set '{name}' has rows of {shape}: set the network's input to {shape}.</source>
            <translation>网络需要形状为 {expected} 的输入，但数据集“{name}”的每行数据形状是 {shape}：请把网络的输入设为 {shape}。</translation>
        </message>
        <message>
            <location filename="../../playground/core/training/trainer.py" line="343" />
            <source>Drawings can only be added to an image data set.</source>
            <translation>手写图只能添加到图像数据集中。</translation>
        </message>
        <message>
            <location filename="../../playground/core/training/trainer.py" line="254" />
            <source>The network ends with {shape} values per example but the task needs a flat vector of {outputs}: add Flatten and Linear({outputs}) at the end.</source>
            <translation>网络最终对每个样本输出 {shape} 个值，但该任务需要长度为 {outputs} 的平坦向量：请在末尾添加 Flatten 和 Linear({outputs})。</translation>
        </message>
        <message>
            <location filename="../../playground/core/training/trainer.py" line="347" />
            <source>Examples must be {count} images of {size} pixels with one label each (got {shape}).</source>
            <translation>样本必须是 {count} 张 {size} 像素的图像，每张带一个标签（当前为 {shape}）。</translation>
        </message>
        <message>
            <location filename="../../playground/core/training/trainer.py" line="352" />
            <source>Labels must be 0 to {last}.</source>
            <translation>标签必须在 0 到 {last} 之间。</translation>
        </message>
        <message>
            <location filename="../../playground/core/training/trainer.py" line="319" />
            <source>The task can't change under trained weights: reset first.</source>
            <translation>已训练的权重不能更换任务：请先重置。</translation>
        </message>
        <message>
            <location filename="../../playground/core/training/training_config.py" line="15" />
            <source>SGD (plain gradient descent)</source>
            <translation>SGD（普通梯度下降）</translation>
        </message>
        <message>
            <location filename="../../playground/core/training/training_config.py" line="16" />
            <source>SGD + momentum</source>
            <translation>SGD + 动量</translation>
        </message>
        <message>
            <location filename="../../playground/core/training/training_config.py" line="22" />
            <source>None</source>
            <translation>无</translation>
        </message>
        <message>
            <location filename="../../playground/core/training/training_config.py" line="22" />
            <source>L1 (sum of |w|)</source>
            <translation>L1（|w| 之和）</translation>
        </message>
        <message>
            <location filename="../../playground/core/training/training_config.py" line="22" />
            <source>L2 (sum of w²)</source>
            <translation>L2（w² 之和）</translation>
        </message>
        <message>
            <location filename="../../playground/core/training/training_config.py" line="24" />
            <source>Constant</source>
            <translation>恒定</translation>
        </message>
        <message>
            <location filename="../../playground/core/training/training_config.py" line="25" />
            <source>Step (× γ every N epochs)</source>
            <translation>阶梯（每 N 轮 × γ）</translation>
        </message>
        <message>
            <location filename="../../playground/core/training/training_config.py" line="26" />
            <source>Cosine annealing</source>
            <translation>余弦退火</translation>
        </message>
        <message>
            <location filename="../../playground/core/training/training_config.py" line="27" />
            <source>One-cycle (warm up, then anneal)</source>
            <translation>单周期（先预热，再退火）</translation>
        </message>
        <message>
            <location filename="../../playground/core/training/training_config.py" line="31" />
            <source>epochs</source>
            <translation>轮次</translation>
        </message>
        <message>
            <location filename="../../playground/core/training/training_config.py" line="31" />
            <source>batch size</source>
            <translation>批大小</translation>
        </message>
        <message>
            <location filename="../../playground/core/training/training_config.py" line="31" />
            <location filename="../../playground/ui/widgets/plots.py" line="222" />
            <source>learning rate</source>
            <translation>学习率</translation>
        </message>
        <message>
            <location filename="../../playground/core/training/training_config.py" line="32" />
            <source>momentum</source>
            <translation>动量</translation>
        </message>
        <message>
            <location filename="../../playground/core/training/training_config.py" line="32" />
            <source>weight decay</source>
            <translation>权重衰减</translation>
        </message>
        <message>
            <location filename="../../playground/core/training/training_config.py" line="32" />
            <source>seed</source>
            <translation>随机种子</translation>
        </message>
        <message>
            <location filename="../../playground/core/training/training_config.py" line="33" />
            <source>validation fraction</source>
            <translation>验证集比例</translation>
        </message>
        <message>
            <location filename="../../playground/core/training/training_config.py" line="33" />
            <source>eval every steps</source>
            <translation>每隔多少步评估</translation>
        </message>
        <message>
            <location filename="../../playground/core/training/training_config.py" line="34" />
            <source>eval subset</source>
            <translation>评估子集大小</translation>
        </message>
        <message>
            <location filename="../../playground/core/training/training_config.py" line="34" />
            <source>normalize std</source>
            <translation>归一化标准差</translation>
        </message>
        <message>
            <location filename="../../playground/core/training/training_config.py" line="34" />
            <source>normalize mean</source>
            <translation>归一化均值</translation>
        </message>
        <message>
            <location filename="../../playground/core/training/training_config.py" line="35" />
            <source>regularization rate</source>
            <translation>正则化强度</translation>
        </message>
        <message>
            <location filename="../../playground/core/training/training_config.py" line="35" />
            <source>lr step epochs</source>
            <translation>学习率阶梯间隔轮次</translation>
        </message>
        <message>
            <location filename="../../playground/core/training/training_config.py" line="36" />
            <source>lr gamma</source>
            <translation>学习率衰减因子 γ</translation>
        </message>
        <message>
            <location filename="../../playground/core/training/training_config.py" line="136" />
            <source>The training settings must be a JSON object.</source>
            <translation>训练设置必须是一个 JSON 对象。</translation>
        </message>
        <message>
            <location filename="../../playground/core/training/training_config.py" line="167" />
            <source>{field} must be a whole number from {lo:,} to {hi:,} (got {value!r}).</source>
            <translation>{field}必须是 {lo:,} 到 {hi:,} 之间的整数（当前为 {value!r}）。</translation>
        </message>
        <message>
            <location filename="../../playground/core/training/training_config.py" line="174" />
            <source>{field} must be a number from {lo:g} to {hi:g} (got {value!r}).</source>
            <translation>{field}必须是 {lo:g} 到 {hi:g} 之间的数（当前为 {value!r}）。</translation>
        </message>
        <message>
            <location filename="../../playground/core/training/training_config.py" line="108" />
            <source>Unknown device '{device}'. Choose one of: {choices}.</source>
            <translation>未知的设备“{device}”。请从以下选项中选择：{choices}。</translation>
        </message>
        <message>
            <location filename="../../playground/core/training/training_config.py" line="117" />
            <source>Unknown regularization '{regularization}'. Choose one of: {choices}.</source>
            <translation>未知的正则化“{regularization}”。请从以下选项中选择：{choices}。</translation>
        </message>
        <message>
            <location filename="../../playground/core/training/training_config.py" line="120" />
            <source>Unknown learning-rate schedule '{schedule}'. Choose one of: {choices}.</source>
            <translation>未知的学习率调度“{schedule}”。请从以下选项中选择：{choices}。</translation>
        </message>
        <message>
            <location filename="../../playground/core/training/training_config.py" line="126" />
            <source>amp must be true or false (got {value!r}).</source>
            <translation>amp 必须是 true 或 false（当前为 {value!r}）。</translation>
        </message>
        <message>
            <location filename="../../playground/core/training/training_config.py" line="147" />
            <location filename="../../playground/core/training/training_config.py" line="154" />
            <source>Training setting '{key}' has the wrong type ({value!r}).</source>
            <translation>训练设置“{key}”的类型不对（{value!r}）。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/dialogs/data_import.py" line="56" />
            <source>Scale every feature column to mean 0 and standard deviation 1, using the training rows' statistics (the test rows are scaled the same way, so nothing about them leaks into training). Features on very different scales (metres and millimetres) otherwise make gradient descent crawl along the large ones.</source>
            <translation>用训练行的统计量把每个特征列缩放到均值 0、标准差 1（测试行按同样的方式缩放，因此不会有任何测试信息泄漏到训练中）。否则，尺度相差悬殊的特征（米和毫米）会让梯度下降沿着大尺度的方向缓慢爬行。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/dialogs/data_import.py" line="60" />
            <source>The share of the data kept aside as the test set: never trained on, it gives the honest score.</source>
            <translation>留作测试集的数据比例：它从不参与训练，因此给出的是真实的成绩。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/dialogs/data_import.py" line="61" />
            <source>The share of the data kept aside as the test set: never trained on, it gives the honest score. It is taken from every class.</source>
            <translation>留作测试集的数据比例：它从不参与训练，因此给出的是真实的成绩。每个类别都按这个比例抽取。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/dialogs/data_import.py" line="63" />
            <source>Grayscale converts colour images to gray (luma): one channel, 1×H×W inputs, as MNIST. RGB keeps the colour: three channels, 3×H×W inputs — the network's input is adapted to it (a Conv2d's in_channels follow the input), and the first layer gets three times the weights.</source>
            <translation>灰度：把彩色图像转成灰度（亮度）：一个通道，输入为 1×H×W，与 MNIST 相同。RGB 保留颜色：三个通道，输入为 3×H×W——网络的输入会随之调整（Conv2d 的 in_channels 跟随输入），第一层的权重变为三倍。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/dialogs/data_import.py" line="52" />
            <source>Automatic (decimal numbers → regression)</source>
            <translation>自动（小数 → 回归）</translation>
        </message>
        <message>
            <location filename="../../playground/ui/dialogs/data_import.py" line="53" />
            <source>Classification (the target names a class)</source>
            <translation>分类（目标是类别名）</translation>
        </message>
        <message>
            <location filename="../../playground/ui/dialogs/data_import.py" line="54" />
            <source>Regression (the target is a number)</source>
            <translation>回归（目标是一个数值）</translation>
        </message>
        <message>
            <location filename="../../playground/ui/dialogs/data_import.py" line="144" />
            <source>Import</source>
            <translation>导入</translation>
        </message>
        <message>
            <location filename="../../playground/ui/dialogs/data_import.py" line="185" />
            <source>Can't import this</source>
            <translation>无法导入</translation>
        </message>
        <message>
            <location filename="../../playground/ui/dialogs/data_import.py" line="234" />
            <source>The file's first rows; the numbers on the left are the rows as a spreadsheet counts them (the header is row 1).</source>
            <translation>文件的前几行；左侧的数字是电子表格中的行号（表头是第 1 行）。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/dialogs/data_import.py" line="246" />
            <source>The column the network learns to predict; every other column is an input feature and must hold numbers.</source>
            <translation>网络要学着预测的列；其他每一列都是输入特征，必须是数值。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/dialogs/data_import.py" line="251" />
            <source>Classification: the target's values are class names (or whole-number codes). Regression: the target is a quantity to predict.</source>
            <translation>分类：目标列的值是类别名（或整数编码）。回归：目标是要预测的数量。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/dialogs/data_import.py" line="253" />
            <source>Standardise the features (mean 0, std 1)</source>
            <translation>标准化特征（均值 0，标准差 1）</translation>
        </message>
        <message>
            <location filename="../../playground/ui/dialogs/data_import.py" line="260" />
            <source>Target column</source>
            <translation>目标列</translation>
        </message>
        <message>
            <location filename="../../playground/ui/dialogs/data_import.py" line="261" />
            <location filename="../../playground/ui/workspaces/runs/runs_panel.py" line="78" />
            <location filename="../../playground/ui/workspaces/train/task_settings.py" line="186" />
            <source>Task</source>
            <translation>任务</translation>
        </message>
        <message>
            <location filename="../../playground/ui/dialogs/data_import.py" line="262" />
            <location filename="../../playground/ui/dialogs/data_import.py" line="344" />
            <source>Test share</source>
            <translation>测试集比例</translation>
        </message>
        <message>
            <location filename="../../playground/ui/dialogs/data_import.py" line="328" />
            <source>Every image is scaled to this many pixels square (area-averaged, as MNIST's 28×28). Larger keeps more detail but trains slower: a 64×64 image is 5× a 28×28 one.</source>
            <translation>每张图像都缩放成边长为这么多像素的正方形（按面积平均，如 MNIST 的 28×28）。尺寸越大保留的细节越多，但训练越慢：一张 64×64 的图像是 28×28 的 5 倍。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/dialogs/data_import.py" line="331" />
            <source>Grayscale (1 channel)</source>
            <translation>灰度（1 个通道）</translation>
        </message>
        <message>
            <location filename="../../playground/ui/dialogs/data_import.py" line="332" />
            <source>RGB colour (3 channels)</source>
            <translation>RGB 彩色（3 个通道）</translation>
        </message>
        <message>
            <location filename="../../playground/ui/dialogs/data_import.py" line="334" />
            <source>Invert (dark shapes on light paper → light on dark, as MNIST)</source>
            <translation>反色（浅色纸上的深色图形 → 深底浅图，与 MNIST 相同）</translation>
        </message>
        <message>
            <location filename="../../playground/ui/dialogs/data_import.py" line="335" />
            <source>MNIST's digits are white on black. Drawings scanned as black on white train just as well either way, but the Draw tab's canvas sends white on black.</source>
            <translation>MNIST 的数字是黑底白字。扫描得到的白底黑字图无论反不反色都能训练，但“手写”标签页的画布发送的是黑底白字。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/dialogs/data_import.py" line="337" />
            <source>Skip images that can't be read (instead of stopping)</source>
            <translation>跳过无法读取的图像（而不是停止）</translation>
        </message>
        <message>
            <location filename="../../playground/ui/dialogs/data_import.py" line="338" />
            <source>A damaged file normally stops the import with its name, so you can fix or remove it. With this on it is left out and listed afterwards.</source>
            <translation>遇到损坏的文件时，导入通常会停下并给出文件名，以便你修复或删除它。勾选后则会略过它，并在之后列出。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/dialogs/data_import.py" line="342" />
            <source>Image size (square)</source>
            <translation>图像尺寸（正方形）</translation>
        </message>
        <message>
            <location filename="../../playground/ui/dialogs/data_import.py" line="343" />
            <source>Colour</source>
            <translation>颜色</translation>
        </message>
        <message>
            <location filename="../../playground/ui/dialogs/data_import.py" line="458" />
            <source>unreadable</source>
            <translation>无法读取</translation>
        </message>
        <message>
            <location filename="../../playground/ui/dialogs/data_import.py" line="199" />
            <source>%v of %m images</source>
            <translation>%v / %m 张图像</translation>
        </message>
        <message>
            <location filename="../../playground/ui/dialogs/data_import.py" line="365" />
            <source>&lt;b&gt;{name}&lt;/b&gt;: {images:,} images in {classes} classes — {listed}.</source>
            <translation>&lt;b&gt;{name}&lt;/b&gt;：{classes} 个类别共 {images:,} 张图像——{listed}。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/dialogs/data_import.py" line="384" />
            <source>The folder can't be imported (see above).</source>
            <translation>无法导入这个文件夹（见上文）。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/dialogs/data_import.py" line="409" />
            <source>{rows:,} rows, target '{column}' (regression)</source>
            <translation>{rows:,} 行，目标列“{column}”（回归）</translation>
        </message>
        <message>
            <location filename="../../playground/ui/dialogs/data_import.py" line="411" />
            <source>{rows:,} rows, target '{column}' ({classes} classes)</source>
            <translation>{rows:,} 行，目标列“{column}”（{classes} 个类别）</translation>
        </message>
        <message>
            <location filename="../../playground/ui/dialogs/data_import.py" line="440" />
            <source>Unknown kind of data '{kind}'.</source>
            <translation>未知的数据类型“{kind}”。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/dialogs/data_import.py" line="461" />
            <source>{size} bytes</source>
            <translation>{size} 字节</translation>
        </message>
        <message>
            <location filename="../../playground/ui/dialogs/data_import.py" line="117" />
            <source>Not enough memory for this data: choose a smaller image size or fewer images.</source>
            <translation>内存不足以容纳这些数据：请选择更小的图像尺寸或更少的图像。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/dialogs/data_import.py" line="221" />
            <location filename="../../playground/ui/dialogs/data_import.py" line="275" />
            <source>Import CSV — {name}</source>
            <translation>导入 CSV — {name}</translation>
        </message>
        <message>
            <location filename="../../playground/ui/dialogs/data_import.py" line="276" />
            <source>&lt;b&gt;{name}&lt;/b&gt; — {size}. The first rows:</source>
            <translation>&lt;b&gt;{name}&lt;/b&gt; — {size}。前几行：</translation>
        </message>
        <message>
            <location filename="../../playground/ui/dialogs/data_import.py" line="310" />
            <location filename="../../playground/ui/dialogs/data_import.py" line="374" />
            <source>Import image folder — {name}</source>
            <translation>导入图像文件夹 — {name}</translation>
        </message>
        <message>
            <location filename="../../playground/ui/dialogs/data_import.py" line="364" />
            <source>{listed}, … {more} more</source>
            <translation>{listed}，… 另有 {more} 个</translation>
        </message>
        <message>
            <location filename="../../playground/ui/dialogs/data_import.py" line="368" />
            <source>{summary} {count:,} other file(s) are not images and are left out.</source>
            <translation>{summary}另有 {count:,} 个文件不是图像，已略过。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/dialogs/data_import.py" line="412" />
            <source>the last column</source>
            <translation>最后一列</translation>
        </message>
        <message>
            <location filename="../../playground/ui/dialogs/data_import.py" line="119" />
            <source>Import failed: {error}</source>
            <translation>导入失败：{error}</translation>
        </message>
        <message>
            <location filename="../../playground/ui/dialogs/data_import.py" line="432" />
            <source>{count} unreadable image(s) left out: {names} and {more} more</source>
            <translation>略过了 {count} 张无法读取的图像：{names} 等，另有 {more} 张</translation>
        </message>
        <message>
            <location filename="../../playground/ui/dialogs/data_import.py" line="435" />
            <source>{count} unreadable image(s) left out: {names}</source>
            <translation>略过了 {count} 张无法读取的图像：{names}</translation>
        </message>
        <message>
            <location filename="../../playground/ui/dialogs/preferences.py" line="33" />
            <source>Follow the system</source>
            <translation>跟随系统</translation>
        </message>
        <message>
            <location filename="../../playground/ui/dialogs/preferences.py" line="33" />
            <source>Light</source>
            <translation>浅色</translation>
        </message>
        <message>
            <location filename="../../playground/ui/dialogs/preferences.py" line="33" />
            <source>Dark</source>
            <translation>深色</translation>
        </message>
        <message>
            <location filename="../../playground/ui/dialogs/preferences.py" line="36" />
            <source>System language</source>
            <translation>系统语言</translation>
        </message>
        <message>
            <location filename="../../playground/ui/dialogs/preferences.py" line="39" />
            <source>Automatic (a CUDA GPU if there is one)</source>
            <translation>自动（有 CUDA GPU 时使用它）</translation>
        </message>
        <message>
            <location filename="../../playground/ui/dialogs/preferences.py" line="39" />
            <location filename="../../playground/ui/workspaces/train/training_panel.py" line="42" />
            <source>CUDA GPU</source>
            <translation>CUDA GPU</translation>
        </message>
        <message>
            <location filename="../../playground/ui/dialogs/preferences_dialog.py" line="28" />
            <source>The colours of the window and its plots. “Follow the system” uses the desktop's light or dark setting, and changes with it.</source>
            <translation>窗口及其图表的配色。“跟随系统”使用桌面的浅色或深色设置，并随之变化。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/dialogs/preferences_dialog.py" line="30" />
            <source>The language of the window's texts. “System language” follows the desktop's language.</source>
            <translation>窗口文字所用的语言。“系统语言”跟随桌面的语言。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/dialogs/preferences_dialog.py" line="31" />
            <source>The device the training settings start with when the app opens. The Device choice in the Training panel still changes it for this session.</source>
            <translation>应用启动时训练设置所用的设备。训练面板中的“设备”选项仍可在本次会话中更改它。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/dialogs/preferences_dialog.py" line="34" />
            <source>The device the training settings start with when the app opens. The Device choice in the Training panel still changes it for this session. No CUDA GPU was found on this computer: a run asked to use CUDA trains on the CPU and says so.</source>
            <translation>应用启动时训练设置所用的设备。训练面板中的“设备”选项仍可在本次会话中更改它。这台计算机上没有找到 CUDA GPU：要求使用 CUDA 的运行会在 CPU 上训练，并给出提示。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/dialogs/preferences_dialog.py" line="37" />
            <source>How many CPU threads PyTorch uses for training. Automatic uses every core, with training at a lower priority so the window stays responsive. Takes effect from the next run.</source>
            <translation>PyTorch 训练时使用的 CPU 线程数。“自动”使用所有核心，并以较低优先级训练，使窗口保持响应。从下一次运行起生效。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/dialogs/preferences_dialog.py" line="86" />
            <source>Preferences</source>
            <translation>首选项</translation>
        </message>
        <message>
            <location filename="../../playground/ui/dialogs/preferences_dialog.py" line="90" />
            <location filename="../../playground/ui/workspaces/train/task_settings.py" line="122" />
            <location filename="../../playground/ui/workspaces/train/training_panel.py" line="42" />
            <source>Automatic</source>
            <translation>自动选择</translation>
        </message>
        <message>
            <location filename="../../playground/ui/dialogs/preferences_dialog.py" line="91" />
            <source> threads</source>
            <translation> 个线程</translation>
        </message>
        <message>
            <location filename="../../playground/ui/dialogs/preferences_dialog.py" line="98" />
            <source>Put every choice back to its default (OK or Apply saves them).</source>
            <translation>把每个选项恢复为默认值（按“确定”或“应用”保存）。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/dialogs/preferences_dialog.py" line="92" />
            <source>&amp;Theme</source>
            <translation>主题(&amp;T)</translation>
        </message>
        <message>
            <location filename="../../playground/ui/dialogs/preferences_dialog.py" line="92" />
            <source>&amp;Language</source>
            <translation>语言(&amp;L)</translation>
        </message>
        <message>
            <location filename="../../playground/ui/dialogs/preferences_dialog.py" line="93" />
            <source>Default &amp;device</source>
            <translation>默认设备(&amp;D)</translation>
        </message>
        <message>
            <location filename="../../playground/ui/dialogs/preferences_dialog.py" line="94" />
            <source>CPU t&amp;hreads</source>
            <translation>CPU 线程(&amp;H)</translation>
        </message>
        <message>
            <location filename="../../playground/ui/document.py" line="147" />
            <source>Training is running: pause or stop it to save.</source>
            <translation>正在训练：请先暂停或停止训练，再保存。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/document.py" line="149" />
            <source>Pausing… saving is possible as soon as the current batch is done.</source>
            <translation>正在暂停…当前批次完成后即可保存。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/document.py" line="155" />
            <source>Training is running: stop it before opening or starting another project.</source>
            <translation>正在训练：请先停止训练，再打开或新建其他项目。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/shell/data_actions.py" line="54" />
            <source>Which digit is it? One of ten classes; the network ends with Linear(10) and nn.CrossEntropyLoss applies the softmax.</source>
            <translation>这是哪个数字？十个类别中的一个；网络以 Linear(10) 结尾，由 nn.CrossEntropyLoss 完成 softmax。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/shell/data_actions.py" line="117" />
            <source>&amp;Data</source>
            <translation>数据(&amp;D)</translation>
        </message>
        <message>
            <location filename="../../playground/ui/shell/data_actions.py" line="119" />
            <source>Import &amp;CSV…</source>
            <translation>导入 CSV(&amp;C)…</translation>
        </message>
        <message>
            <location filename="../../playground/ui/shell/data_actions.py" line="120" />
            <source>Train on a table: numeric feature columns and a target column (classification or regression).</source>
            <translation>用表格训练：若干数值特征列和一个目标列（分类或回归）。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/shell/data_actions.py" line="123" />
            <source>Import Image &amp;Folder…</source>
            <translation>导入图像文件夹(&amp;F)…</translation>
        </message>
        <message>
            <location filename="../../playground/ui/shell/data_actions.py" line="124" />
            <source>Train on your own images: one sub-folder per class.</source>
            <translation>用你自己的图像训练：每个类别一个子文件夹。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/shell/data_actions.py" line="126" />
            <source>Back to &amp;MNIST</source>
            <translation>回到 MNIST(&amp;M)</translation>
        </message>
        <message>
            <location filename="../../playground/ui/shell/data_actions.py" line="127" />
            <source>Train on the MNIST digits again.</source>
            <translation>重新用 MNIST 手写数字训练。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/shell/data_actions.py" line="212" />
            <source>The new validation share applies after Reset (the weights were trained on the current split).</source>
            <translation>新的验证集比例在重置后生效（当前权重是在现有划分上训练的）。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/shell/data_actions.py" line="230" />
            <source>Import CSV</source>
            <translation>导入 CSV</translation>
        </message>
        <message>
            <location filename="../../playground/ui/shell/data_actions.py" line="231" />
            <source>CSV files (*.csv *.tsv *.txt);;All files (*)</source>
            <translation>CSV 文件 (*.csv *.tsv *.txt);;所有文件 (*)</translation>
        </message>
        <message>
            <location filename="../../playground/ui/shell/data_actions.py" line="242" />
            <source>Import image folder (one sub-folder per class)</source>
            <translation>导入图像文件夹（每个类别一个子文件夹）</translation>
        </message>
        <message>
            <location filename="../../playground/ui/shell/data_actions.py" line="302" />
            <source>Loaded {name}.</source>
            <translation>已载入 {name}。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/shell/data_actions.py" line="393" />
            <source>Switch the data?</source>
            <translation>切换数据？</translation>
        </message>
        <message>
            <location filename="../../playground/ui/shell/data_actions.py" line="195" />
            <source>Data: {name}</source>
            <translation>数据：{name}</translation>
        </message>
        <message>
            <location filename="../../playground/ui/shell/data_actions.py" line="303" />
            <source>Loaded {name} — {note}.</source>
            <translation>已载入 {name}——{note}。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/shell/data_actions.py" line="305" />
            <source>{loaded} The network doesn't fit it yet: {problem}.</source>
            <translation>{loaded}网络与它还不匹配：{problem}。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/shell/data_actions.py" line="363" />
            <source>Reading {name} for the project…</source>
            <translation>正在为项目读取 {name}…</translation>
        </message>
        <message>
            <location filename="../../playground/ui/shell/data_actions.py" line="378" />
            <source>The project's data could not be read again: {error}</source>
            <translation>无法重新读取项目的数据：{error}</translation>
        </message>
        <message>
            <location filename="../../playground/ui/shell/data_actions.py" line="350" />
            <source>This project was trained on {path}, which is not there any more: it can't be trained further here until that data is imported again (Data menu).</source>
            <translation>这个项目是在 {path} 上训练的，但它已经不在了：在重新导入这些数据（“数据”菜单）之前，无法在这里继续训练。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/shell/data_actions.py" line="373" />
            <source>Loaded {name} for the project ({note}).</source>
            <translation>已为项目载入 {name}（{note}）。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/shell/data_actions.py" line="374" />
            <source>Loaded {name} for the project.</source>
            <translation>已为项目载入 {name}。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/shell/data_actions.py" line="393" />
            <source>The network has trained for {steps:,} steps on the current data. Training on {name} starts from fresh weights. Switch?</source>
            <translation>网络已在当前数据上训练了 {steps:,} 步。改用 {name} 训练将从全新的权重开始。要切换吗？</translation>
        </message>
        <message>
            <location filename="../../playground/ui/shell/data_actions.py" line="322" />
            <source>{problem} Training without a validation part.</source>
            <translation>{problem}将不划分验证集进行训练。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/shell/design_controller.py" line="41" />
            <source>Stop training to change the network.</source>
            <translation>停止训练后才能修改网络。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/shell/design_controller.py" line="42" />
            <source>Stop training to load a preset.</source>
            <translation>停止训练后才能加载预设。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/shell/design_controller.py" line="176" />
            <source>Edit the network?</source>
            <translation>修改网络？</translation>
        </message>
        <message>
            <location filename="../../playground/ui/shell/design_controller.py" line="177" />
            <source>Editing the network resets its trained weights ({steps:,} steps of training). Continue?</source>
            <translation>修改网络会重置已训练的权重（{steps:,} 步的训练）。继续吗？</translation>
        </message>
        <message>
            <location filename="../../playground/ui/shell/design_controller.py" line="289" />
            <source>The preset '{name}' could not be read: {error}</source>
            <translation>无法读取预设“{name}”：{error}</translation>
        </message>
        <message>
            <location filename="../../playground/ui/shell/head_check.py" line="183" />
            <source>Use a small dense network for this data</source>
            <translation>为这份数据使用一个小型全连接网络</translation>
        </message>
        <message>
            <location filename="../../playground/ui/shell/head_check.py" line="151" />
            <source>{name} has numeric targets: choose the regression task.</source>
            <translation>{name} 的目标是数值：请选择回归任务。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/shell/head_check.py" line="158" />
            <source>The network takes {inputs} inputs but {data} has rows of {shape}.</source>
            <translation>网络的输入是 {inputs}，但 {data} 的每一行是 {shape}。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/shell/head_check.py" line="159" />
            <source>The network takes {inputs} inputs but {data} has images of {shape}.</source>
            <translation>网络的输入是 {inputs}，但 {data} 的图像是 {shape}。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/shell/head_check.py" line="188" />
            <source>Adapt the network to the data</source>
            <translation>让网络适配数据</translation>
        </message>
        <message>
            <location filename="../../playground/ui/shell/head_check.py" line="189" />
            <source>Make the output {output}</source>
            <translation>把输出改为 {output}</translation>
        </message>
        <message>
            <location filename="../../playground/ui/shell/head_check.py" line="143" />
            <source>{name} has class labels, not numbers: regression needs a CSV with a numeric target (Data ▸ Import CSV…).</source>
            <translation>{name} 的目标是类别标签而不是数值：回归需要一个带数值目标的 CSV（数据 ▸ 导入 CSV…）。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/shell/head_check.py" line="146" />
            <source>Multi-label needs the MNIST digits (their attributes {attributes} are the labels); {name} has other classes.</source>
            <translation>多标签需要 MNIST 数字（以它们的属性 {attributes} 作为标签）；{name} 的类别不同。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/shell/head_check.py" line="149" />
            <source>Binary needs exactly two classes; {name} has {count}.</source>
            <translation>二分类恰好需要两个类别；{name} 有 {count} 个。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/shell/head_check.py" line="115" />
            <source>{change}. Undo (Ctrl+Z) takes it back.</source>
            <translation>{change}。撤销（Ctrl+Z）可以恢复。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/shell/head_check.py" line="127" />
            <source>Change the task?</source>
            <translation>更改任务？</translation>
        </message>
        <message>
            <location filename="../../playground/ui/shell/head_check.py" line="168" />
            <source>The network ends with {shape} values per example; the task needs a flat vector of {outputs}: add Flatten and Linear({outputs}) at the end.</source>
            <translation>网络对每个样本输出形状为 {shape} 的值；该任务需要长度为 {outputs} 的一维向量：请在末尾添加 Flatten 和 Linear({outputs})。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/shell/head_check.py" line="187" />
            <source>Adapt the network: input {shape}, output {output}</source>
            <translation>调整网络：输入 {shape}，输出 {output}</translation>
        </message>
        <message>
            <location filename="../../playground/ui/shell/head_check.py" line="112" />
            <source>Could not change the network: {reason}</source>
            <translation>无法修改网络：{reason}</translation>
        </message>
        <message>
            <location filename="../../playground/ui/shell/head_check.py" line="113" />
            <source>it is locked</source>
            <translation>网络已锁定</translation>
        </message>
        <message>
            <location filename="../../playground/ui/shell/head_check.py" line="128" />
            <source>The network has trained for {steps:,} steps on the current task. Another task has other targets and another loss, so training starts again from fresh weights. Change the task?</source>
            <translation>网络已在当前任务上训练了 {steps:,} 步。换一个任务，目标和损失都会不同，所以训练将从全新的权重重新开始。要更改任务吗？</translation>
        </message>
        <message>
            <location filename="../../playground/ui/shell/i18n.py" line="60" />
            <source>Export...</source>
            <translation>导出...</translation>
        </message>
        <message>
            <location filename="../../playground/ui/shell/i18n.py" line="60" />
            <source>Export</source>
            <translation>导出</translation>
        </message>
        <message>
            <location filename="../../playground/ui/shell/i18n.py" line="60" />
            <source>View All</source>
            <translation>显示全部</translation>
        </message>
        <message>
            <location filename="../../playground/ui/shell/i18n.py" line="60" />
            <source>Mouse Mode</source>
            <translation>鼠标模式</translation>
        </message>
        <message>
            <location filename="../../playground/ui/shell/i18n.py" line="60" />
            <source>3 button</source>
            <translation>三键</translation>
        </message>
        <message>
            <location filename="../../playground/ui/shell/i18n.py" line="60" />
            <source>1 button</source>
            <translation>单键</translation>
        </message>
        <message>
            <location filename="../../playground/ui/shell/i18n.py" line="61" />
            <source>Plot Options</source>
            <translation>绘图选项</translation>
        </message>
        <message>
            <location filename="../../playground/ui/shell/i18n.py" line="61" />
            <source>Transforms</source>
            <translation>变换</translation>
        </message>
        <message>
            <location filename="../../playground/ui/shell/i18n.py" line="61" />
            <source>Downsample</source>
            <translation>降采样</translation>
        </message>
        <message>
            <location filename="../../playground/ui/shell/i18n.py" line="61" />
            <source>Average</source>
            <translation>平均</translation>
        </message>
        <message>
            <location filename="../../playground/ui/shell/i18n.py" line="61" />
            <source>Alpha</source>
            <translation>透明度</translation>
        </message>
        <message>
            <location filename="../../playground/ui/shell/i18n.py" line="61" />
            <source>Grid</source>
            <translation>网格</translation>
        </message>
        <message>
            <location filename="../../playground/ui/shell/i18n.py" line="61" />
            <location filename="../../playground/ui/workspaces/playground/playground_panel.py" line="217" />
            <source>Points</source>
            <translation>数据点</translation>
        </message>
        <message>
            <location filename="../../playground/ui/shell/learn_demos.py" line="51" />
            <source>PyTorch is still loading: try again in a moment.</source>
            <translation>PyTorch 仍在加载：请稍后再试。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/shell/learn_demos.py" line="54" />
            <source>Then Look inside ▸ Step through ▸ Convolution makes {name}'s output cell by cell, with a sandbox for the output size.</source>
            <translation>接着，看内部 ▸ 逐步计算 ▸ 卷积会逐个单元算出 {name} 的输出，并附有输出尺寸的沙盒。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/shell/learn_demos.py" line="56" />
            <source>Then Look inside ▸ Step through ▸ Output and loss works the probabilities out from the logits, with the cross-entropy.</source>
            <translation>接着，看内部 ▸ 逐步计算 ▸ 输出与损失会从 logits 算出各个概率，以及交叉熵。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/shell/learn_demos.py" line="58" />
            <source>When it stops, Look inside ▸ Step through ▸ Backprop works the backward pass out for the digit on the canvas.</source>
            <translation>训练停下后，看内部 ▸ 逐步计算 ▸ 反向传播会针对画布上的数字算出反向传播的每一步。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/shell/learn_demos.py" line="62" />
            <source>Stop training first (Esc): this demo changes the network.</source>
            <translation>请先停止训练（Esc）：这个演示会改变网络。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/shell/learn_demos.py" line="63" />
            <source>Stop training first (Esc): this demo changes the optimizer.</source>
            <translation>请先停止训练（Esc）：这个演示会改变优化器。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/shell/learn_demos.py" line="223" />
            <source>Plain SGD with learning rate 0.01 is set. Train (Ctrl+Return) and watch the loss; then Reset (Ctrl+R), choose Adam with 0.001 and train again: Adam's loss usually falls much faster.</source>
            <translation>已设为学习率 0.01 的普通 SGD。训练（Ctrl+Return）并观察损失；然后重置（Ctrl+R），选择学习率 0.001 的 Adam 再训练一次：Adam 的损失通常下降得快得多。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/shell/learn_demos.py" line="258" />
            <source>Matrices ▸ A·B step by step: C[i][j] = A[i,:]·B[:,j] one cell at a time. Change a shape to see the rule; the Laws tab checks AB ≠ BA and (AB)ᵀ = BᵀAᵀ on the same numbers.</source>
            <translation>矩阵 ▸ A·B 逐步计算：一次一格地计算 C[i][j] = A[i,:]·B[:,j]。改变形状即可看到规则；“运算律”标签页用同样的数验证 AB ≠ BA 和 (AB)ᵀ = BᵀAᵀ。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/shell/learn_demos.py" line="266" />
            <source>Matrices ▸ Tensors: a scalar, a vector, a matrix and a stack of matrices, with their shapes in PyTorch.</source>
            <translation>矩阵 ▸ 张量：标量、向量、矩阵和一叠矩阵，以及它们在 PyTorch 中的形状。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/shell/learn_demos.py" line="106" />
            <source>The trained network was kept: choose Presets ▸ SimpleNN to load the notes' network.</source>
            <translation>已保留训练过的网络：选择“预设 ▸ SimpleNN”即可载入笔记中的网络。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/shell/learn_demos.py" line="122" />
            <source>Inside ▸ Forward pass: each dense layer's z = W·a + b and a = g(z) for the digit on the canvas, computed step by step. Pick a unit to see its weighted sum.</source>
            <translation>网络内部 ▸ 前向传播：对画布上的数字，逐步计算每个全连接层的 z = W·a + b 和 a = g(z)。选一个神经元即可看到它的加权和。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/shell/learn_demos.py" line="132" />
            <source>Training resumed: the gradient norm of every layer is plotted as backpropagation runs.</source>
            <translation>训练已继续：反向传播进行时，会绘制每一层的梯度范数。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/shell/learn_demos.py" line="134" />
            <source>Training is running: the gradient norm of every layer is plotted as backpropagation runs.</source>
            <translation>正在训练：反向传播进行时，会绘制每一层的梯度范数。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/shell/learn_demos.py" line="154" />
            <source>This network has no activation layer: add one from the palette's Activation group.</source>
            <translation>这个网络没有激活层：请从层面板的“激活函数”组中添加一个。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/shell/learn_demos.py" line="230" />
            <source>The trained network was kept: choose Presets ▸ Small LeNet-style CNN to load it.</source>
            <translation>已保留训练过的网络：选择“预设 ▸ LeNet 风格的小型 CNN”即可载入它。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/shell/learn_demos.py" line="272" />
            <source>Evaluation: the whole test set is classified with the current weights. Compare the test accuracy with the training accuracy on the Training curves.</source>
            <translation>评估：用当前权重对整个测试集分类。请把测试准确率与“训练曲线”上的训练准确率作比较。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/shell/learn_demos.py" line="308" />
            <source>Fool it: every pixel of the digit on the canvas moves by ε in the direction that raises the loss fastest (FGSM). The slider starts at the smallest ε that changes the answer.</source>
            <translation>骗过它：画布上数字的每个像素都沿着使损失上升最快的方向移动 ε（FGSM）。滑块从能改变回答的最小 ε 开始。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/shell/learn_demos.py" line="317" />
            <source>Projector: 2,000 test digits as points, placed by PCA of a layer's outputs and coloured by their label; the star is the digit on the canvas. Train on and watch the classes pull apart.</source>
            <translation>投影：2,000 个测试数字显示为点，按某一层输出的 PCA 摆放，并按标签着色；星形是画布上的数字。继续训练，看各个类别逐渐分开。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/shell/learn_demos.py" line="112" />
            <source>The notes' SimpleNN is loaded and its first dense layer, fc1, is selected: {shapes}. The diagram draws its layers as columns of units.</source>
            <translation>已载入笔记中的 SimpleNN，并选中了它的第一个全连接层 fc1：{shapes}。网络图把它的各层画成一列列神经元。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/shell/learn_demos.py" line="199" />
            <source>Multi-label: softmax vs a sigmoid per label</source>
            <translation>多标签：softmax 与每个标签一个 sigmoid 的对比</translation>
        </message>
        <message>
            <location filename="../../playground/ui/shell/learn_demos.py" line="343" />
            <location filename="../../playground/ui/shell/training_controller.py" line="243" />
            <source>The network cannot train yet: {reason}</source>
            <translation>网络还不能训练：{reason}</translation>
        </message>
        <message>
            <location filename="../../playground/ui/shell/learn_demos.py" line="168" />
            <source>{name} ({type}) is selected in the stack: the form below it changes its kind. Inside ▸ Layer outputs shows what it outputs for the digit on the canvas.</source>
            <translation>已在层列表中选中 {name}（{type}）：列表下方的表单可以更改它的种类。“网络内部 ▸ 各层输出”显示它对画布上的数字输出了什么。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/shell/learn_demos.py" line="185" />
            <source>The ten bars are the softmax output for the digit on the canvas: ten probabilities that add up to 1. The window beside it trains softmax and a sigmoid per label on four yes/no labels per digit: press “Train both” and see why softmax can't say “even AND ≥ 5”.</source>
            <translation>这十根柱子是画布上数字的 softmax 输出：十个概率，加起来等于 1。旁边的窗口在每个数字的四个是/否标签上分别训练 softmax 和“每个标签一个 sigmoid”：按下“训练两者”，看看为什么 softmax 说不出“偶数 且 ≥ 5”。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/shell/learn_demos.py" line="299" />
            <source>Draw ▸ Show what it looks at: {method} over the digit on the canvas. The brighter a pixel, the more it moves the class's score; change the method or the digit explained to compare.</source>
            <translation>手写 ▸ 显示网络在看哪里：画布上的数字上叠加了 {method}。像素越亮，它对该类别得分的影响越大；换一种方法或换一个要解释的数字来比较看看。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/shell/learn_demos.py" line="336" />
            <source>The network had not learned anything yet, so it trains {epochs:g} of an epoch first. {message}</source>
            <translation>网络还什么都没学过，所以先训练 {epochs:g} 轮。{message}</translation>
        </message>
        <message>
            <location filename="../../playground/ui/shell/learn_demos.py" line="339" />
            <source>{message} It fills in as the network trains.</source>
            <translation>{message}随着网络训练，内容会逐渐填满。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/shell/learn_demos.py" line="344" />
            <source>the data is not loaded.</source>
            <translation>数据尚未载入。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/shell/learn_demos.py" line="141" />
            <source>Training {epochs:g} of an epoch: every batch, loss.backward() computes the gradients and the optimizer moves each weight against its gradient. Their sizes per layer are plotted here; Step (Ctrl+→) does a single batch.</source>
            <translation>训练 {epochs:g} 轮：每个批次中，loss.backward() 计算梯度，优化器让每个权重沿其梯度的反方向移动。这里绘制的是各层梯度的大小；“单步”（Ctrl+→）只训练一个批次。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/shell/learn_demos.py" line="249" />
            <source>The small CNN is loaded and {name} is selected: 16 kernels of 5×5, stride 1, padding 2. Inside ▸ Layer outputs shows its 16 feature maps for the digit on the canvas.</source>
            <translation>已载入小型 CNN 并选中 {name}：16 个 5×5 卷积核，步幅 1，填充 2。“网络内部 ▸ 各层输出”显示它对画布上的数字生成的 16 张特征图。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/shell/learn_sidebar.py" line="98" />
            <source>The ideas of the course, in the order it teaches them. ↑ ↓ choose one.</source>
            <translation>课程中的概念，按讲授顺序排列。用 ↑ ↓ 选择。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/shell/learn_sidebar.py" line="132" />
            <source>&amp;Show me</source>
            <translation>演示给我看(&amp;S)</translation>
        </message>
        <message>
            <location filename="../../playground/ui/shell/learn_sidebar.py" line="83" />
            <source>The {tab} tab is open.</source>
            <translation>已打开“{tab}”标签页。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/shell/learn_sidebar.py" line="46" />
            <location filename="../../playground/ui/shell/learn_sidebar.py" line="191" />
            <source>In PyTorch</source>
            <translation>在 PyTorch 中</translation>
        </message>
        <message>
            <location filename="../../playground/ui/shell/main_window.py" line="243" />
            <source>closing</source>
            <translation>关闭窗口</translation>
        </message>
        <message>
            <location filename="../../playground/ui/shell/main_window.py" line="248" />
            <source>Stopping the run, then saving and closing…</source>
            <translation>正在停止这次运行，然后保存并关闭…</translation>
        </message>
        <message>
            <location filename="../../playground/ui/shell/model_views.py" line="53" />
            <source>Add this drawing, as the network sees it (28×28), with the label chosen above to the training data: the network trains on it from the next epoch on, and it is kept in the project file (File → Save).</source>
            <translation>把这幅手写图（按网络看到的 28×28 大小）连同上面选择的标签加入训练数据：网络从下一轮起就会用它训练，它也会保存在项目文件中（文件 → 保存）。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/shell/model_views.py" line="129" />
            <source>Train the network first.</source>
            <translation>请先训练网络。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/shell/model_views.py" line="322" />
            <source>x (the drawn digit) 28×28</source>
            <translation>x（手写的数字）28×28</translation>
        </message>
        <message>
            <location filename="../../playground/ui/shell/model_views.py" line="345" />
            <source>Train the network first: there are no weights to evaluate.</source>
            <translation>请先训练网络：还没有可以评估的权重。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/shell/model_views.py" line="270" />
            <location filename="../../playground/ui/workspaces/inside/evaluation_panel.py" line="202" />
            <source>Classify every test digit with the current weights (eval mode, no gradients) and show where the network goes wrong. The test digits are never used for training.</source>
            <translation>用当前权重对每个测试数字进行分类（model.eval() 模式，不计算梯度），并显示网络在哪里出错。测试数字从不用于训练。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/shell/model_views.py" line="303" />
            <source>Inside view: {message}</source>
            <translation>网络内部视图：{message}</translation>
        </message>
        <message>
            <location filename="../../playground/ui/shell/model_views.py" line="370" />
            <source>Evaluation failed: {message}</source>
            <translation>评估失败：{message}</translation>
        </message>
        <message numerus="yes">
            <location filename="../../playground/ui/shell/model_views.py" line="394" />
            <source>Drawing added as a {label}: %n drawings in the training data and the project.</source>
            <translation>
                <numerusform>手写图已作为“{label}”加入：训练数据和项目中共有 %n 幅手写图。</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../playground/ui/shell/model_views.py" line="254" />
            <source>Train the network first (or open a trained project).</source>
            <translation>请先训练网络（或打开一个训练过的项目）。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/shell/model_views.py" line="255" />
            <source>The evaluation classifies 28×28 digits into ten classes: the multi-class task on MNIST.</source>
            <translation>评估会把 28×28 的数字分成十个类别：即 MNIST 上的多分类任务。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/shell/model_views.py" line="392" />
            <source>Added to the training data as a {label} ({count} in all): used from the next epoch.</source>
            <translation>已作为“{label}”加入训练数据（共 {count} 幅）：从下一轮起使用。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/shell/project_actions.py" line="37" />
            <source>nn-playground projects (*{suffix})</source>
            <translation>nn-playground 项目 (*{suffix})</translation>
        </message>
        <message>
            <location filename="../../playground/ui/shell/project_actions.py" line="38" />
            <source>Python scripts (*.py)</source>
            <translation>Python 脚本 (*.py)</translation>
        </message>
        <message>
            <location filename="../../playground/ui/shell/project_actions.py" line="39" />
            <source>ONNX models (*.onnx)</source>
            <translation>ONNX 模型 (*.onnx)</translation>
        </message>
        <message>
            <location filename="../../playground/ui/shell/project_actions.py" line="40" />
            <source>Weights (*.safetensors *.pt *.pth)</source>
            <translation>权重 (*.safetensors *.pt *.pth)</translation>
        </message>
        <message>
            <location filename="../../playground/ui/shell/project_actions.py" line="41" />
            <source>Untitled</source>
            <translation>未命名</translation>
        </message>
        <message>
            <location filename="../../playground/ui/shell/project_actions.py" line="88" />
            <source>&amp;New</source>
            <translation>新建(&amp;N)</translation>
        </message>
        <message>
            <location filename="../../playground/ui/shell/project_actions.py" line="88" />
            <source>Start again from the default network, untrained.</source>
            <translation>从默认网络重新开始（未训练）。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/shell/project_actions.py" line="90" />
            <source>&amp;Open…</source>
            <translation>打开(&amp;O)…</translation>
        </message>
        <message>
            <location filename="../../playground/ui/shell/project_actions.py" line="90" />
            <source>Open a saved project (.nnp).</source>
            <translation>打开已保存的项目（.nnp）。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/shell/project_actions.py" line="91" />
            <source>&amp;Save</source>
            <translation>保存(&amp;S)</translation>
        </message>
        <message>
            <location filename="../../playground/ui/shell/project_actions.py" line="91" />
            <source>Save the network, settings, weights and curves.</source>
            <translation>保存网络、设置、权重和曲线。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/shell/project_actions.py" line="93" />
            <source>Save &amp;As…</source>
            <translation>另存为(&amp;A)…</translation>
        </message>
        <message>
            <location filename="../../playground/ui/shell/project_actions.py" line="93" />
            <source>Save the project under a new name.</source>
            <translation>用新名称保存项目。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/shell/project_actions.py" line="96" />
            <source>&amp;PyTorch Script…</source>
            <translation>PyTorch 脚本(&amp;P)…</translation>
        </message>
        <message>
            <location filename="../../playground/ui/shell/project_actions.py" line="97" />
            <source>Write the network and its training settings as a standalone PyTorch script; a trained network's weights can go next to it as a .pt state_dict.</source>
            <translation>把网络及其训练设置写成独立的 PyTorch 脚本；已训练网络的权重可以作为 .pt 格式的 state_dict 保存在脚本旁边。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/shell/project_actions.py" line="100" />
            <source>&amp;ONNX…</source>
            <translation>ONNX(&amp;O)…</translation>
        </message>
        <message>
            <location filename="../../playground/ui/shell/project_actions.py" line="101" />
            <source>Write the network as an ONNX model that other tools can run and show: input in [0, 1] (images) or the raw features, the normalisation inside, outputs logits and probabilities.</source>
            <translation>将网络写成其他工具可以运行和显示的 ONNX 模型：输入为 [0, 1] 范围内的值（图像）或原始特征，标准化包含在模型内，输出 logits 和概率。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/shell/project_actions.py" line="104" />
            <source>&amp;Export</source>
            <translation>导出(&amp;E)</translation>
        </message>
        <message>
            <location filename="../../playground/ui/shell/project_actions.py" line="109" />
            <source>&amp;Import Weights…</source>
            <translation>导入权重(&amp;I)…</translation>
        </message>
        <message>
            <location filename="../../playground/ui/shell/project_actions.py" line="110" />
            <source>Load weights from a .safetensors file or a PyTorch state_dict (.pt) into the network shown; every tensor's name and shape must match it.</source>
            <translation>把 .safetensors 文件或 PyTorch state_dict（.pt）中的权重载入当前显示的网络；每个张量的名称和形状都必须与网络一致。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/shell/project_actions.py" line="112" />
            <source>Open &amp;Recent</source>
            <translation>最近打开(&amp;R)</translation>
        </message>
        <message>
            <location filename="../../playground/ui/shell/project_actions.py" line="199" />
            <source>Open project</source>
            <translation>打开项目</translation>
        </message>
        <message>
            <location filename="../../playground/ui/shell/project_actions.py" line="228" />
            <source>Import weights</source>
            <translation>导入权重</translation>
        </message>
        <message>
            <location filename="../../playground/ui/shell/project_actions.py" line="247" />
            <source>importing weights</source>
            <translation>导入权重</translation>
        </message>
        <message>
            <location filename="../../playground/ui/shell/project_actions.py" line="273" />
            <source>Save project as</source>
            <translation>项目另存为</translation>
        </message>
        <message>
            <location filename="../../playground/ui/shell/project_actions.py" line="306" />
            <source>The untitled project</source>
            <translation>未命名项目</translation>
        </message>
        <message>
            <location filename="../../playground/ui/shell/project_actions.py" line="308" />
            <source>Save changes?</source>
            <translation>保存更改？</translation>
        </message>
        <message>
            <location filename="../../playground/ui/shell/project_actions.py" line="322" />
            <source>Export PyTorch script</source>
            <translation>导出 PyTorch 脚本</translation>
        </message>
        <message>
            <location filename="../../playground/ui/shell/project_actions.py" line="359" />
            <source>Export ONNX model</source>
            <translation>导出 ONNX 模型</translation>
        </message>
        <message>
            <location filename="../../playground/ui/shell/project_actions.py" line="417" />
            <source>Recover unsaved work?</source>
            <translation>恢复未保存的工作？</translation>
        </message>
        <message>
            <location filename="../../playground/ui/shell/project_actions.py" line="437" />
            <source>Recovered the automatic copy. Save it to keep it.</source>
            <translation>已恢复自动备份。请保存以保留它。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/shell/project_actions.py" line="351" />
            <source>An ONNX file is being written; try again when it is done.</source>
            <translation>正在写出一个 ONNX 文件，请在完成后再试。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/shell/project_actions.py" line="356" />
            <location filename="../../playground/ui/shell/project_actions.py" line="379" />
            <location filename="../../playground/ui/shell/project_actions.py" line="319" />
            <source>Cannot export</source>
            <translation>无法导出</translation>
        </message>
        <message>
            <location filename="../../playground/ui/shell/project_actions.py" line="523" />
            <source>{first} and {second}</source>
            <translation>{first} 和 {second}</translation>
        </message>
        <message>
            <location filename="../../playground/ui/shell/project_actions.py" line="189" />
            <source>starting a new project</source>
            <translation>新建项目</translation>
        </message>
        <message>
            <location filename="../../playground/ui/shell/project_actions.py" line="212" />
            <source>Cannot open project</source>
            <translation>无法打开项目</translation>
        </message>
        <message>
            <location filename="../../playground/ui/shell/project_actions.py" line="221" />
            <source>Opened {name}.</source>
            <translation>已打开 {name}。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/shell/project_actions.py" line="242" />
            <source>Cannot import weights</source>
            <translation>无法导入权重</translation>
        </message>
        <message>
            <location filename="../../playground/ui/shell/project_actions.py" line="248" />
            <source>Imported the weights from {name}.</source>
            <translation>已从 {name} 导入权重。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/shell/project_actions.py" line="284" />
            <source>Could not save</source>
            <translation>无法保存</translation>
        </message>
        <message>
            <location filename="../../playground/ui/shell/project_actions.py" line="291" />
            <source>Saved {path}.</source>
            <translation>已保存 {path}。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/shell/project_actions.py" line="309" />
            <source>{name} has changes that are not saved. Save them before {doing}?</source>
            <translation>{name} 有尚未保存的更改。要先保存再{doing}吗？</translation>
        </message>
        <message>
            <location filename="../../playground/ui/shell/project_actions.py" line="341" />
            <location filename="../../playground/ui/shell/project_actions.py" line="382" />
            <source>Could not export</source>
            <translation>导出失败</translation>
        </message>
        <message>
            <location filename="../../playground/ui/shell/project_actions.py" line="344" />
            <location filename="../../playground/ui/shell/project_actions.py" line="387" />
            <source>Exported {files} to {folder}.</source>
            <translation>已将 {files} 导出到 {folder}。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/shell/project_actions.py" line="374" />
            <source>Writing {name}…</source>
            <translation>正在写出 {name}…</translation>
        </message>
        <message>
            <location filename="../../playground/ui/shell/project_actions.py" line="418" />
            <source>{app} did not close properly last time. A copy of the project that was open then was saved automatically at {when}.

Recover it? (No deletes the copy.)</source>
            <translation>{app} 上次没有正常关闭。当时打开的项目已在 {when} 自动保存了一份副本。

要恢复它吗？（选“否”会删除这份副本。）</translation>
        </message>
        <message>
            <location filename="../../playground/ui/shell/project_actions.py" line="428" />
            <source>Cannot recover</source>
            <translation>无法恢复</translation>
        </message>
        <message>
            <location filename="../../playground/ui/shell/project_actions.py" line="216" />
            <source>opening {name}</source>
            <translation>打开 {name}</translation>
        </message>
        <message>
            <location filename="../../playground/ui/shell/project_actions.py" line="333" />
            <source>Export the trained weights too?</source>
            <translation>同时导出训练好的权重？</translation>
        </message>
        <message>
            <location filename="../../playground/ui/shell/project_actions.py" line="380" />
            <source>{error}

Nothing was written.</source>
            <translation>{error}

没有写出任何文件。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/shell/project_actions.py" line="213" />
            <source>{error}

Nothing was changed: the project that is open stays as it is.</source>
            <translation>{error}

没有做任何更改：当前打开的项目保持不变。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/shell/project_actions.py" line="243" />
            <source>{error}

Nothing was changed: the network keeps its weights.</source>
            <translation>{error}

没有做任何更改：网络保留原有的权重。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/shell/project_actions.py" line="285" />
            <source>{name} could not be written: {reason}

Nothing was lost: the project is still open, and an earlier version of the file, if any, is unchanged.</source>
            <translation>无法写入 {name}：{reason}

没有丢失任何内容：项目仍然打开着，该文件之前的版本（如果有）也没有改变。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/shell/project_actions.py" line="342" />
            <location filename="../../playground/ui/shell/project_actions.py" line="383" />
            <source>Writing {files} failed: {reason}</source>
            <translation>写入 {files} 失败：{reason}</translation>
        </message>
        <message>
            <location filename="../../playground/ui/shell/project_actions.py" line="429" />
            <source>The automatic copy cannot be read: {error}</source>
            <translation>无法读取自动备份：{error}</translation>
        </message>
        <message>
            <location filename="../../playground/ui/shell/project_actions.py" line="334" />
            <source>The network is trained. Also save its weights as {name} next to the script?

The script loads them with  {code}</source>
            <translation>网络已经训练过。要同时把它的权重保存为脚本旁边的 {name} 吗？

脚本用以下代码载入它们：  {code}</translation>
        </message>
        <message>
            <location filename="../../playground/ui/shell/project_actions.py" line="400" />
            <source>Automatic backup failed ({reason}). Save the project to keep it.</source>
            <translation>自动备份失败（{reason}）。请保存项目以保留它。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/shell/recent_files.py" line="72" />
            <source>No recent projects</source>
            <translation>没有最近的项目</translation>
        </message>
        <message>
            <location filename="../../playground/ui/shell/recent_files.py" line="76" />
            <source>Clear List</source>
            <translation>清除列表</translation>
        </message>
        <message>
            <location filename="../../playground/ui/shell/recent_files.py" line="62" />
            <source>Removed from Open Recent (moved or deleted): {names}.</source>
            <translation>已从“最近打开”中移除（已移动或删除）：{names}。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/shell/run_controls.py" line="120" />
            <source>&lt;b&gt;{action}&lt;/b&gt; is not available: {reason}</source>
            <translation>&lt;b&gt;{action}&lt;/b&gt; 暂不可用：{reason}</translation>
        </message>
        <message>
            <location filename="../../playground/ui/shell/run_controls.py" line="24" />
            <location filename="../../playground/ui/shell/run_controls.py" line="113" />
            <location filename="../../playground/ui/shell/window_layout.py" line="89" />
            <source>Train</source>
            <translation>训练</translation>
        </message>
        <message>
            <location filename="../../playground/ui/shell/run_controls.py" line="25" />
            <source>Start training for the chosen number of epochs, or resume a paused run. Training again later continues from the current weights.</source>
            <translation>按所选的轮数开始训练，或继续已暂停的运行。之后再次训练会从当前权重继续。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/shell/run_controls.py" line="27" />
            <location filename="../../playground/ui/widgets/step_controls.py" line="167" />
            <source>Pause</source>
            <translation>暂停</translation>
        </message>
        <message>
            <location filename="../../playground/ui/shell/run_controls.py" line="28" />
            <source>Pause after the current batch; the weights and the plots stay as they are. Space pauses and resumes.</source>
            <translation>在当前批次之后暂停；权重和曲线保持原样。按空格键暂停或继续。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/shell/run_controls.py" line="30" />
            <location filename="../../playground/ui/workspaces/playground/playground_panel.py" line="158" />
            <source>Step</source>
            <translation>单步</translation>
        </message>
        <message>
            <location filename="../../playground/ui/shell/run_controls.py" line="31" />
            <source>Train on exactly one batch, then stay paused: watch a single gradient step.</source>
            <translation>只训练一个批次，然后保持暂停：观察单个梯度步。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/shell/run_controls.py" line="32" />
            <source>Stop</source>
            <translation>停止</translation>
        </message>
        <message>
            <location filename="../../playground/ui/shell/run_controls.py" line="33" />
            <source>End this run after the current batch. The weights are kept: Train continues from them.</source>
            <translation>在当前批次之后结束这次运行。权重会保留：“训练”会从这些权重继续。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/shell/run_controls.py" line="35" />
            <location filename="../../playground/ui/workspaces/playground/playground_panel.py" line="160" />
            <source>Reset</source>
            <translation>重置</translation>
        </message>
        <message>
            <location filename="../../playground/ui/shell/run_controls.py" line="36" />
            <source>Throw the learned weights away: new random weights from the seed, empty curves.</source>
            <translation>丢弃学到的权重：按随机种子生成新的随机权重，并清空曲线。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/shell/run_controls.py" line="38" />
            <location filename="../../playground/ui/shell/run_controls.py" line="73" />
            <source>Pause / resume</source>
            <translation>暂停 / 继续</translation>
        </message>
        <message>
            <location filename="../../playground/ui/shell/run_controls.py" line="127" />
            <location filename="../../playground/ui/shell/run_controls.py" line="75" />
            <location filename="../../playground/ui/workspaces/playground/playground_panel.py" line="216" />
            <location filename="../../playground/ui/workspaces/playground/playground_panel.py" line="275" />
            <source>Training</source>
            <translation>训练</translation>
        </message>
        <message>
            <location filename="../../playground/ui/shell/run_controls.py" line="113" />
            <source>Resume</source>
            <translation>继续</translation>
        </message>
        <message>
            <location filename="../../playground/ui/shell/tensorboard_switch.py" line="34" />
            <source>Write &amp;TensorBoard Logs</source>
            <translation>写入 TensorBoard 日志(&amp;T)</translation>
        </message>
        <message>
            <location filename="../../playground/ui/shell/tensorboard_switch.py" line="37" />
            <source>TensorBoard &amp;Folder…</source>
            <translation>TensorBoard 文件夹(&amp;F)…</translation>
        </message>
        <message>
            <location filename="../../playground/ui/shell/tensorboard_switch.py" line="71" />
            <source>Folder for TensorBoard logs</source>
            <translation>TensorBoard 日志的文件夹</translation>
        </message>
        <message>
            <location filename="../../playground/ui/shell/tensorboard_switch.py" line="86" />
            <source>Each run writes TensorBoard event files (loss, scores, weight histograms, the graph, its settings) into a folder you choose.</source>
            <translation>每次运行都把 TensorBoard 事件文件（损失、得分、权重直方图、计算图、它的设置）写入你选择的文件夹。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/shell/tensorboard_switch.py" line="93" />
            <source>Choose where the TensorBoard logs go.</source>
            <translation>选择 TensorBoard 日志的存放位置。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/shell/tensorboard_switch.py" line="89" />
            <source>Each run writes TensorBoard event files into a folder of its own under {folder}; open them with tensorboard --logdir {folder}.</source>
            <translation>每次运行都把 TensorBoard 事件文件写入 {folder} 下它自己的文件夹；用 tensorboard --logdir {folder} 打开它们。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/shell/tour.py" line="331" />
            <source>Live curves</source>
            <translation>实时曲线</translation>
        </message>
        <message>
            <location filename="../../playground/ui/shell/tour.py" line="332" />
            <source>The loss of every batch and its trend, and the training and test loss and accuracy after every epoch. A test curve that rises while the training curve falls is over-fitting.</source>
            <translation>每个批次的损失及其趋势，以及每轮之后的训练和测试损失与准确率。训练曲线下降而测试曲线上升，就是过拟合。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/shell/tour.py" line="335" />
            <source>The network diagram</source>
            <translation>网络结构图</translation>
        </message>
        <message>
            <location filename="../../playground/ui/shell/tour.py" line="336" />
            <source>The network as columns of units. After training, every weight is drawn: blue positive, orange negative, thicker when larger. Hover for the values.</source>
            <translation>把网络画成一列列神经元。训练之后会画出每个权重：蓝色为正，橙色为负，数值越大线条越粗。鼠标悬停可查看数值。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/shell/tour.py" line="338" />
            <location filename="../../playground/ui/workspaces/inside/draw_panel.py" line="49" />
            <location filename="../../playground/ui/workspaces/inside/prediction_bars.py" line="25" />
            <location filename="../../playground/ui/workspaces/inside/saliency_view.py" line="157" />
            <source>Draw a digit</source>
            <translation>请写一个数字</translation>
        </message>
        <message>
            <location filename="../../playground/ui/shell/tour.py" line="339" />
            <source>Draw with the mouse, a pen or a finger, and watch the network's answer change as you draw. Beside the canvas is the 28×28 image the network really sees.</source>
            <translation>用鼠标、手写笔或手指书写，边写边看网络的回答如何变化。画布旁边是网络真正看到的 28×28 图像。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/shell/tour.py" line="341" />
            <source>Inside the network</source>
            <translation>深入网络内部</translation>
        </message>
        <message>
            <location filename="../../playground/ui/shell/tour.py" line="342" />
            <source>Every layer's output for the digit you drew, the forward pass z = W·a + b step by step with the real numbers, and, while it learns, the weights and gradients of each layer.</source>
            <translation>你写的数字在每一层的输出，用真实数值逐步展开的前向传播 z = W·a + b，以及学习过程中每一层的权重和梯度。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/shell/tour.py" line="344" />
            <source>Matrices and tensors</source>
            <translation>矩阵与张量</translation>
        </message>
        <message>
            <location filename="../../playground/ui/shell/tour.py" line="345" />
            <source>The linear algebra the network runs on: A·B one cell at a time, the rules it obeys, tensors of rank 0 to 3, and a dense layer of your model as x·Wᵀ + b.</source>
            <translation>网络所依赖的线性代数：逐个元素计算 A·B、它遵循的运算律、0 到 3 阶张量，以及把你模型中的一个全连接层写成 x·Wᵀ + b。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/shell/tour.py" line="348" />
            <source>Classify the whole test set: the confusion matrix, the accuracy of each class and the digits the network gets most confidently wrong.</source>
            <translation>对整个测试集分类：混淆矩阵、每个类别的准确率，以及网络最有把握却判断错误的数字。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/shell/tour.py" line="350" />
            <source>The PyTorch code</source>
            <translation>对应的 PyTorch 代码</translation>
        </message>
        <message>
            <location filename="../../playground/ui/shell/tour.py" line="351" />
            <source>The same network and settings as a standalone PyTorch script, updated as you edit. File ▸ Export saves it.</source>
            <translation>同一个网络和设置，写成独立的 PyTorch 脚本，随你的修改而更新。用“文件 ▸ 导出”保存它。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/shell/tour.py" line="88" />
            <source>Skip tour</source>
            <translation>跳过导览</translation>
        </message>
        <message>
            <location filename="../../playground/ui/shell/tour.py" line="89" />
            <source>Close the tour (Esc). Help ▸ Tour shows it again.</source>
            <translation>关闭导览（Esc）。“帮助 ▸ 导览”可以再次打开它。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/shell/tour.py" line="90" />
            <source>Back</source>
            <translation>上一步</translation>
        </message>
        <message>
            <location filename="../../playground/ui/shell/tour.py" line="91" />
            <source>The previous step (←)</source>
            <translation>上一步（←）</translation>
        </message>
        <message>
            <location filename="../../playground/ui/shell/tour.py" line="92" />
            <location filename="../../playground/ui/shell/tour.py" line="149" />
            <source>Next</source>
            <translation>下一步</translation>
        </message>
        <message>
            <location filename="../../playground/ui/shell/tour.py" line="93" />
            <location filename="../../playground/ui/shell/tour.py" line="150" />
            <source>The next step (→ or Enter)</source>
            <translation>下一步（→ 或 Enter）</translation>
        </message>
        <message>
            <location filename="../../playground/ui/shell/tour.py" line="365" />
            <source>Workspaces</source>
            <translation>工作区</translation>
        </message>
        <message>
            <location filename="../../playground/ui/shell/tour.py" line="366" />
            <source>The window has a few workspaces, each about one thing: &lt;b&gt;Train&lt;/b&gt; a network on MNIST, &lt;b&gt;Look inside&lt;/b&gt; it, the &lt;b&gt;Matrices&lt;/b&gt; lab, the 2-D &lt;b&gt;Playground&lt;/b&gt; and your &lt;b&gt;Runs&lt;/b&gt;. Ctrl+1 to Ctrl+5 choose them.</source>
            <translation>窗口分为几个工作区，每个只关注一件事：在 MNIST 上&lt;b&gt;训练&lt;/b&gt;网络、&lt;b&gt;看内部&lt;/b&gt;、&lt;b&gt;矩阵&lt;/b&gt;实验室、二维&lt;b&gt;游乐场&lt;/b&gt;，以及你的&lt;b&gt;运行记录&lt;/b&gt;。用 Ctrl+1 到 Ctrl+5 切换。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/shell/tour.py" line="370" />
            <source>Train, pause, step, stop</source>
            <translation>训练、暂停、单步、停止</translation>
        </message>
        <message>
            <location filename="../../playground/ui/shell/tour.py" line="371" />
            <source>The toolbar runs training: &lt;b&gt;Train&lt;/b&gt; (Ctrl+Return), &lt;b&gt;Pause&lt;/b&gt; (Space), &lt;b&gt;Step&lt;/b&gt; one batch (Ctrl+→), &lt;b&gt;Stop&lt;/b&gt; (Esc) and &lt;b&gt;Reset&lt;/b&gt; (Ctrl+R). On the right are the settings: epochs, batch size, learning rate, optimizer, device and seed. Hover over any of them for the idea behind it.</source>
            <translation>工具栏控制训练：&lt;b&gt;训练&lt;/b&gt;（Ctrl+Return）、&lt;b&gt;暂停&lt;/b&gt;（Space）、&lt;b&gt;单步&lt;/b&gt;训练一个批次（Ctrl+→）、&lt;b&gt;停止&lt;/b&gt;（Esc）和&lt;b&gt;重置&lt;/b&gt;（Ctrl+R）。右侧是各项设置：轮数、批大小、学习率、优化器、设备和随机种子。把鼠标悬停在任意一项上，可以看到它背后的原理。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/shell/tour.py" line="376" />
            <source>The layer stack</source>
            <translation>层堆栈</translation>
        </message>
        <message>
            <location filename="../../playground/ui/shell/tour.py" line="377" />
            <source>Your network, from the input down to the output. Drag a layer from the palette, or double-click it (Edit ▸ Add Layer from the keyboard). Each block shows its output shape, its parameters and its W&lt;sup&gt;[i]&lt;/sup&gt;, b&lt;sup&gt;[i]&lt;/sup&gt; shapes; a red block says what is wrong and offers the fix.</source>
            <translation>你的网络，从输入一直到输出。从层面板中拖入一个层，或双击它（用键盘时使用“编辑 ▸ 添加层”）。每个方块显示它的输出形状、参数数量以及 W&lt;sup&gt;[i]&lt;/sup&gt;、b&lt;sup&gt;[i]&lt;/sup&gt; 的形状；红色方块会说明哪里出错，并给出修正方法。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/shell/tour.py" line="398" />
            <source>Learn, and this tour again</source>
            <translation>学习，以及再看一遍导览</translation>
        </message>
        <message>
            <location filename="../../playground/ui/shell/tour.py" line="399" />
            <source>&lt;b&gt;View ▸ Learn&lt;/b&gt; (F1) explains each idea of the course, from layers to over-fitting, with a &lt;b&gt;Show me&lt;/b&gt; button that sets the matching demo up. &lt;b&gt;Help ▸ Tour&lt;/b&gt; shows this tour again; &lt;b&gt;Edit ▸ Preferences&lt;/b&gt; (Ctrl+,) sets the theme, the language and the device.</source>
            <translation>&lt;b&gt;视图 ▸ 学习&lt;/b&gt;（F1）讲解课程中的每个概念，从网络层到过拟合，每个概念都有一个&lt;b&gt;演示给我看&lt;/b&gt;按钮，用来准备相应的演示。&lt;b&gt;帮助 ▸ 导览&lt;/b&gt;再次显示本导览；&lt;b&gt;编辑 ▸ 首选项&lt;/b&gt;（Ctrl+,）设置主题、语言和设备。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/shell/tour.py" line="149" />
            <location filename="../../playground/ui/widgets/training_status.py" line="136" />
            <source>Done</source>
            <translation>完成</translation>
        </message>
        <message>
            <location filename="../../playground/ui/shell/tour.py" line="150" />
            <source>End the tour (Enter)</source>
            <translation>结束导览（Enter）</translation>
        </message>
        <message>
            <location filename="../../playground/ui/shell/tour.py" line="145" />
            <source>Step {number} of {count}</source>
            <translation>第 {number} 步，共 {count} 步</translation>
        </message>
        <message>
            <location filename="../../playground/ui/shell/training_controller.py" line="50" />
            <source>Reset: the network starts from new random weights.</source>
            <translation>已重置：网络从新的随机权重开始。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/shell/training_controller.py" line="433" />
            <location filename="../../playground/ui/shell/training_controller.py" line="413" />
            <source>after the last full epoch</source>
            <translation>（截至最后一个完整轮次）</translation>
        </message>
        <message>
            <location filename="../../playground/ui/shell/training_controller.py" line="416" />
            <source>Train continues from these weights.</source>
            <translation>再次训练将从这些权重继续。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/shell/training_controller.py" line="436" />
            <source>no test score yet</source>
            <translation>尚无测试分数</translation>
        </message>
        <message numerus="yes">
            <location filename="../../playground/ui/shell/training_controller.py" line="409" />
            <source>&lt;b&gt;Trained %n epochs, {steps:,} steps.&lt;/b&gt;</source>
            <translation>
                <numerusform>&lt;b&gt;已训练 %n 轮，共 {steps:,} 步。&lt;/b&gt;</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../playground/ui/shell/training_controller.py" line="425" />
            <source>Training failed.</source>
            <translation>训练失败。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/shell/training_controller.py" line="427" />
            <source>Training diverged: see the message above the plots.</source>
            <translation>训练发散：请看曲线图上方的消息。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/shell/training_controller.py" line="435" />
            <source>at the last check</source>
            <translation>（截至最后一次检查）</translation>
        </message>
        <message>
            <location filename="../../playground/ui/shell/training_controller.py" line="447" />
            <source>&lt;b&gt;{head}.&lt;/b&gt;</source>
            <translation>&lt;b&gt;{head}。&lt;/b&gt;</translation>
        </message>
        <message>
            <location filename="../../playground/ui/shell/training_controller.py" line="449" />
            <source>No test score yet: the first epoch has not finished.</source>
            <translation>尚无测试分数：第一轮还没有结束。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/shell/training_controller.py" line="176" />
            <source>Training… the result appears here when the run ends.</source>
            <translation>正在训练…运行结束后结果会显示在这里。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/shell/training_controller.py" line="181" />
            <source>Single step…</source>
            <translation>单步训练…</translation>
        </message>
        <message>
            <location filename="../../playground/ui/shell/training_controller.py" line="181" />
            <source>Training…</source>
            <translation>正在训练…</translation>
        </message>
        <message>
            <location filename="../../playground/ui/shell/training_controller.py" line="205" />
            <source>Stopping after this batch…</source>
            <translation>将在这个批次之后停止…</translation>
        </message>
        <message>
            <location filename="../../playground/ui/shell/training_controller.py" line="271" />
            <location filename="../../playground/ui/workspaces/train/training_panel.py" line="127" />
            <source>Not trained yet. Press Train.</source>
            <translation>尚未训练。请点击“训练”。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/shell/training_controller.py" line="403" />
            <source>Not loaded</source>
            <translation>未加载</translation>
        </message>
        <message>
            <location filename="../../playground/ui/shell/training_controller.py" line="404" />
            <source>No data to train on.</source>
            <translation>没有可以训练的数据。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/shell/training_controller.py" line="439" />
            <source>Finished: {steps:,} steps (≈{epochs:.2g} epochs)</source>
            <translation>已完成：{steps:,} 步（约 {epochs:.2g} 轮）</translation>
        </message>
        <message>
            <location filename="../../playground/ui/shell/training_controller.py" line="450" />
            <source>{head} — {score}.</source>
            <translation>{head}——{score}。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/shell/training_controller.py" line="219" />
            <source>Reset the network?</source>
            <translation>重置网络？</translation>
        </message>
        <message>
            <location filename="../../playground/ui/shell/training_controller.py" line="245" />
            <location filename="../../playground/ui/shell/training_controller.py" line="252" />
            <source>Ready: press Train.</source>
            <translation>就绪：请点击“训练”。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/shell/training_controller.py" line="377" />
            <source>Paused at step {step:,}. Train resumes; Step does one batch.</source>
            <translation>已在第 {step:,} 步暂停。“训练”继续运行；“单步”训练一个批次。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/shell/training_controller.py" line="425" />
            <source>&lt;b&gt;Failed.&lt;/b&gt; {message}</source>
            <translation>&lt;b&gt;失败。&lt;/b&gt;{message}</translation>
        </message>
        <message>
            <location filename="../../playground/ui/shell/training_controller.py" line="428" />
            <source>&lt;b&gt;Diverged&lt;/b&gt; after {steps:,} steps. The weights from before the blow-up were restored; lower the learning rate and train again.</source>
            <translation>在第 {steps:,} 步后&lt;b&gt;发散&lt;/b&gt;。已恢复数值爆炸之前的权重；请降低学习率后再训练。</translation>
        </message>
        <message numerus="yes">
            <location filename="../../playground/ui/shell/training_controller.py" line="442" />
            <source>Finished: %n epochs, {steps:,} steps</source>
            <translation>
                <numerusform>已完成：%n 轮，{steps:,} 步</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../playground/ui/shell/training_controller.py" line="445" />
            <source>Stopped at step {steps:,} (%n full epochs)</source>
            <translation>
                <numerusform>在第 {steps:,} 步停止（%n 个完整轮次）</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../playground/ui/shell/training_controller.py" line="153" />
            <source>Cannot train yet: {reason}</source>
            <translation>还不能训练：{reason}</translation>
        </message>
        <message>
            <location filename="../../playground/ui/shell/training_controller.py" line="220" />
            <source>The network has trained for {steps:,} steps. Reset throws those weights away and starts again from random weights.</source>
            <translation>网络已经训练了 {steps:,} 步。重置会丢弃这些权重，从随机权重重新开始。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/shell/window_comfort.py" line="80" />
            <source>&amp;Preferences…</source>
            <translation>首选项(&amp;P)…</translation>
        </message>
        <message>
            <location filename="../../playground/ui/shell/window_comfort.py" line="84" />
            <source>Theme, language, default device and CPU threads.</source>
            <translation>主题、语言、默认设备和 CPU 线程数。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/shell/window_comfort.py" line="88" />
            <source>&amp;Add Layer</source>
            <translation>添加层(&amp;A)</translation>
        </message>
        <message>
            <location filename="../../playground/ui/shell/window_comfort.py" line="96" />
            <location filename="../../playground/ui/shell/window_comfort.py" line="129" />
            <source>&amp;Learn</source>
            <translation>学习(&amp;L)</translation>
        </message>
        <message>
            <location filename="../../playground/ui/shell/window_comfort.py" line="99" />
            <location filename="../../playground/ui/shell/window_comfort.py" line="100" />
            <location filename="../../playground/ui/shell/window_comfort.py" line="130" />
            <source>The course's ideas, each with a demo (F1).</source>
            <translation>课程中的各个概念，每个都配有演示（F1）。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/shell/window_comfort.py" line="113" />
            <source>&amp;Tour</source>
            <translation>导览(&amp;T)</translation>
        </message>
        <message>
            <location filename="../../playground/ui/shell/window_comfort.py" line="114" />
            <source>A walk past every part of the window.</source>
            <translation>带你逐一认识窗口的各个部分。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/shell/window_comfort.py" line="160" />
            <source>The translation could not be loaded: {reason}</source>
            <translation>无法加载翻译：{reason}</translation>
        </message>
        <message>
            <location filename="../../playground/ui/shell/window_layout.py" line="63" />
            <source>Step through</source>
            <translation>逐步计算</translation>
        </message>
        <message>
            <location filename="../../playground/ui/shell/window_layout.py" line="58" />
            <location filename="../../playground/ui/shell/window_layout.py" line="95" />
            <source>Playground</source>
            <translation>游乐场</translation>
        </message>
        <message>
            <location filename="../../playground/ui/shell/window_layout.py" line="59" />
            <source>PyTorch code</source>
            <translation>PyTorch 代码</translation>
        </message>
        <message>
            <location filename="../../playground/ui/shell/window_layout.py" line="60" />
            <source>Settings</source>
            <translation>设置</translation>
        </message>
        <message>
            <location filename="../../playground/ui/shell/window_layout.py" line="60" />
            <source>This digit</source>
            <translation>这个数字</translation>
        </message>
        <message>
            <location filename="../../playground/ui/shell/window_layout.py" line="60" />
            <source>While it learns</source>
            <translation>学习过程中</translation>
        </message>
        <message>
            <location filename="../../playground/ui/shell/window_layout.py" line="61" />
            <location filename="../../playground/ui/shell/window_layout.py" line="97" />
            <location filename="../../playground/ui/workspaces/runs/run_tracking.py" line="37" />
            <source>Runs</source>
            <translation>运行记录</translation>
        </message>
        <message>
            <location filename="../../playground/ui/shell/window_layout.py" line="61" />
            <location filename="../../playground/ui/workspaces/runs/experiments_panel.py" line="86" />
            <source>Experiments</source>
            <translation>实验</translation>
        </message>
        <message>
            <location filename="../../playground/ui/shell/window_layout.py" line="65" />
            <source>Loss after every batch, and loss and accuracy after every epoch.</source>
            <translation>每个批次之后的损失，以及每轮之后的损失和准确率。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/shell/window_layout.py" line="66" />
            <source>TensorFlow Playground on PyTorch: 2-D data sets, input features, hidden units and the decision boundary as a small network learns.</source>
            <translation>基于 PyTorch 的 TensorFlow Playground：二维数据集、输入特征、隐藏层神经元，以及小网络学习时的决策边界。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/shell/window_layout.py" line="68" />
            <source>The network drawn as columns of units; after training, the weights are coloured by sign and drawn thicker the larger they are.</source>
            <translation>把网络画成一列列神经元；训练之后，权重按正负着色，数值越大线条越粗。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/shell/window_layout.py" line="70" />
            <source>Draw a digit (or load one) and see what the network answers.</source>
            <translation>手写一个数字（或载入一个），看看网络的回答。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/shell/window_layout.py" line="71" />
            <source>Every layer's output for the drawn digit, the forward pass step by step, and the weights and gradients as the network learns.</source>
            <translation>手写数字在每一层的输出、逐步展开的前向传播，以及网络学习过程中的权重和梯度。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/shell/window_layout.py" line="73" />
            <source>Matrix products, laws and tensors; a dense layer of the model as x·Wᵀ + b with its real weights.</source>
            <translation>矩阵乘法、运算律与张量；用模型的真实权重把一个全连接层写成 x·Wᵀ + b。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/shell/window_layout.py" line="75" />
            <source>Classify the whole test set: confusion matrix, accuracy per class and the digits the network gets wrong.</source>
            <translation>对整个测试集分类：混淆矩阵、每个类别的准确率，以及网络判断错误的数字。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/shell/window_layout.py" line="77" />
            <source>The same network and training settings as a PyTorch script.</source>
            <translation>同一个网络和训练设置，写成 PyTorch 脚本。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/shell/window_layout.py" line="78" />
            <source>The training settings: epochs, batch size, learning rate, optimizer, task and loss.</source>
            <translation>训练设置：轮数、批大小、学习率、优化器、任务和损失。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/shell/window_layout.py" line="79" />
            <source>What each layer makes of the digit on the Draw tab.</source>
            <translation>每一层如何处理“手写”标签页上的数字。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/shell/window_layout.py" line="80" />
            <source>Weights, gradients, filters and health checks, live while training.</source>
            <translation>训练时实时显示权重、梯度、滤波器和健康检查。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/shell/window_layout.py" line="81" />
            <source>The smallest change to the drawn digit that makes the network answer something else.</source>
            <translation>对所画数字做最小的改动，让网络给出不同的回答。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/shell/window_layout.py" line="82" />
            <source>What one layer makes of 2,000 test digits, as points in 2-D coloured by label: watch the classes pull apart as the network trains.</source>
            <translation>某一层对 2,000 个测试数字的输出，画成按标签着色的二维点：看着各类别随训练逐渐分开。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/shell/window_layout.py" line="84" />
            <source>Convolution, pooling, softmax and the loss, and backpropagation, worked out step by step with your network's numbers for the drawn digit.</source>
            <translation>卷积、池化、softmax 与损失、反向传播：用你的网络对所画数字的真实数值逐步算出。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/shell/window_layout.py" line="89" />
            <source>Build a network for MNIST and train it: the layer stack, the curves and the training settings.</source>
            <translation>为 MNIST 搭建网络并训练它：层堆叠、曲线和训练设置。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/shell/window_layout.py" line="91" />
            <source>Look inside</source>
            <translation>看内部</translation>
        </message>
        <message>
            <location filename="../../playground/ui/shell/window_layout.py" line="91" />
            <source>The same network from inside: draw a digit, every layer's output, the evaluation, the diagram and the PyTorch code.</source>
            <translation>从内部看同一个网络：手写数字、每一层的输出、评估、网络图和 PyTorch 代码。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/shell/window_layout.py" line="93" />
            <source>Matrix products, transposes, laws and tensors, and the network's own W and b.</source>
            <translation>矩阵乘法、转置、运算律和张量，以及网络自己的 W 和 b。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/shell/window_layout.py" line="95" />
            <source>A small network on 2-D data with its own settings and Train button: watch the decision boundary form.</source>
            <translation>二维数据上的小网络，有自己的设置和训练按钮：观察决策边界如何形成。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/shell/window_layout.py" line="97" />
            <source>Every run kept with its settings, overlaid and forked; the course notes' claims tested on real runs.</source>
            <translation>每次运行连同其设置都被保存，可叠加比较、可分叉；用真实的训练检验课程笔记中的结论。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/shell/window_layout.py" line="103" />
            <source>Loading PyTorch…</source>
            <translation>正在加载 PyTorch…</translation>
        </message>
        <message>
            <location filename="../../playground/ui/shell/window_layout.py" line="271" />
            <source>&amp;File</source>
            <translation>文件(&amp;F)</translation>
        </message>
        <message>
            <location filename="../../playground/ui/shell/window_layout.py" line="274" />
            <source>&amp;Quit</source>
            <translation>退出(&amp;Q)</translation>
        </message>
        <message>
            <location filename="../../playground/ui/shell/window_layout.py" line="280" />
            <source>&amp;Edit</source>
            <translation>编辑(&amp;E)</translation>
        </message>
        <message>
            <location filename="../../playground/ui/shell/window_layout.py" line="291" />
            <source>&amp;Presets</source>
            <translation>预设(&amp;P)</translation>
        </message>
        <message>
            <location filename="../../playground/ui/shell/window_layout.py" line="302" />
            <source>&amp;Training</source>
            <translation>训练(&amp;T)</translation>
        </message>
        <message>
            <location filename="../../playground/ui/shell/window_layout.py" line="305" />
            <source>&amp;View</source>
            <translation>视图(&amp;V)</translation>
        </message>
        <message>
            <location filename="../../playground/ui/shell/window_layout.py" line="306" />
            <source>&amp;Help</source>
            <translation>帮助(&amp;H)</translation>
        </message>
        <message>
            <location filename="../../playground/ui/shell/window_layout.py" line="363" />
            <source>&lt;p&gt;The MNIST database of handwritten digits is by Yann LeCun, Corinna Cortes and Christopher J. C. Burges, distributed under the Creative Commons Attribution-Share Alike 3.0 license.&lt;/p&gt;</source>
            <translation>&lt;p&gt;MNIST 手写数字数据库由 Yann LeCun、Corinna Cortes 和 Christopher J. C. Burges 创建，按 Creative Commons 署名-相同方式共享 3.0 许可协议（CC BY-SA 3.0）发布。&lt;/p&gt;</translation>
        </message>
        <message>
            <location filename="../../playground/ui/shell/window_layout.py" line="307" />
            <location filename="../../playground/ui/shell/window_layout.py" line="373" />
            <source>&amp;About {app}</source>
            <translation>关于 {app}(&amp;A)</translation>
        </message>
        <message>
            <location filename="../../playground/ui/shell/window_layout.py" line="360" />
            <source>About {app}</source>
            <translation>关于 {app}</translation>
        </message>
        <message>
            <location filename="../../playground/ui/shell/window_layout.py" line="362" />
            <source>&lt;p&gt;Stack layers, watch a real PyTorch network learn, live.&lt;/p&gt;</source>
            <translation>&lt;p&gt;堆叠网络层，实时观察一个真正的 PyTorch 网络如何学习。&lt;/p&gt;</translation>
        </message>
        <message>
            <location filename="../../playground/ui/shell/workspaces.py" line="47" />
            <source>Learn</source>
            <translation>学习</translation>
        </message>
        <message>
            <location filename="../../playground/ui/shell/workspaces.py" line="490" />
            <source>{tip} ({keys})</source>
            <translation>{tip}（{keys}）</translation>
        </message>
        <message>
            <location filename="../../playground/ui/widgets/epoch_table.py" line="18" />
            <source>Epoch</source>
            <translation>轮次</translation>
        </message>
        <message>
            <location filename="../../playground/ui/widgets/epoch_table.py" line="18" />
            <source>Passes over the whole training set so far.</source>
            <translation>到目前为止遍历整个训练集的次数。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/widgets/epoch_table.py" line="19" />
            <location filename="../../playground/ui/workspaces/runs/experiments_panel.py" line="98" />
            <source>Time</source>
            <translation>时间</translation>
        </message>
        <message>
            <location filename="../../playground/ui/widgets/epoch_table.py" line="19" />
            <source>Wall-clock time of the epoch, including its evaluation.</source>
            <translation>该轮次实际耗时，包括其评估。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/widgets/epoch_table.py" line="21" />
            <source>Train loss</source>
            <translation>训练损失</translation>
        </message>
        <message>
            <location filename="../../playground/ui/widgets/epoch_table.py" line="22" />
            <source>Mean loss over the epoch's batches, measured while the weights were still changing.</source>
            <translation>该轮次所有批次的平均损失，是在权重仍在变化时测得的。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/widgets/epoch_table.py" line="23" />
            <location filename="../../playground/ui/workspaces/runs/runs_panel.py" line="66" />
            <location filename="../../playground/ui/workspaces/runs/sweep_results.py" line="33" />
            <source>Test loss</source>
            <translation>测试损失</translation>
        </message>
        <message>
            <location filename="../../playground/ui/widgets/epoch_table.py" line="23" />
            <source>The loss on examples the network never trains on, after the epoch.</source>
            <translation>该轮次结束后，在网络从未训练过的样本上的损失。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/widgets/epoch_table.py" line="24" />
            <source>Val. loss</source>
            <translation>验证损失</translation>
        </message>
        <message>
            <location filename="../../playground/ui/widgets/epoch_table.py" line="24" />
            <source>The loss on the validation examples held out of the training set.</source>
            <translation>在从训练集中留出的验证样本上的损失。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/widgets/epoch_table.py" line="29" />
            <location filename="../../playground/ui/widgets/epoch_table.py" line="40" />
            <source>Train acc.</source>
            <translation>训练准确率</translation>
        </message>
        <message>
            <location filename="../../playground/ui/widgets/epoch_table.py" line="30" />
            <source>Share of training examples classified correctly during the epoch.</source>
            <translation>该轮次中训练样本被正确分类的比例。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/widgets/epoch_table.py" line="32" />
            <location filename="../../playground/ui/widgets/epoch_table.py" line="42" />
            <location filename="../../playground/ui/widgets/label_scores.py" line="15" />
            <source>Test acc.</source>
            <translation>测试准确率</translation>
        </message>
        <message>
            <location filename="../../playground/ui/widgets/epoch_table.py" line="32" />
            <source>Share of test examples classified correctly: the honest score.</source>
            <translation>测试样本被正确分类的比例：这才是真实的成绩。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/widgets/epoch_table.py" line="34" />
            <source>Val. acc.</source>
            <translation>验证准确率</translation>
        </message>
        <message>
            <location filename="../../playground/ui/widgets/epoch_table.py" line="34" />
            <source>Share of validation examples classified correctly.</source>
            <translation>验证样本被正确分类的比例。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/widgets/epoch_table.py" line="40" />
            <source>Share of (example, label) answers right during the epoch.</source>
            <translation>该轮次中（样本, 标签）答案正确的比例。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/widgets/epoch_table.py" line="42" />
            <source>Share of (example, label) answers right on the test set, averaged over the labels.</source>
            <translation>测试集上（样本, 标签）答案正确的比例，对各标签取平均。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/widgets/epoch_table.py" line="44" />
            <location filename="../../playground/ui/widgets/label_scores.py" line="15" />
            <source>Test F1</source>
            <translation>测试 F1</translation>
        </message>
        <message>
            <location filename="../../playground/ui/widgets/epoch_table.py" line="44" />
            <source>F1 per label (the harmonic mean of precision and recall), averaged over the labels: unlike accuracy it can't be high by always answering 'no'.</source>
            <translation>每个标签的 F1（精确率和召回率的调和平均），对各标签取平均：与准确率不同，总是回答“否”并不能让它变高。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/widgets/epoch_table.py" line="46" />
            <source>Exact</source>
            <translation>全对</translation>
        </message>
        <message>
            <location filename="../../playground/ui/widgets/epoch_table.py" line="46" />
            <source>Share of test examples with every label right.</source>
            <translation>所有标签都正确的测试样本比例。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/widgets/epoch_table.py" line="48" />
            <source>Val. F1</source>
            <translation>验证 F1</translation>
        </message>
        <message>
            <location filename="../../playground/ui/widgets/epoch_table.py" line="48" />
            <source>Mean F1 per label on the validation examples.</source>
            <translation>验证样本上每个标签 F1 的平均值。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/widgets/epoch_table.py" line="55" />
            <source>Test R²</source>
            <translation>测试 R²</translation>
        </message>
        <message>
            <location filename="../../playground/ui/widgets/epoch_table.py" line="55" />
            <source>Coefficient of determination on the test set: 1 is perfect, 0 is no better than always predicting the mean, below 0 is worse.</source>
            <translation>测试集上的决定系数：1 表示完美，0 表示不比总是预测平均值更好，低于 0 则更差。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/widgets/epoch_table.py" line="57" />
            <source>Test MAE</source>
            <translation>测试 MAE</translation>
        </message>
        <message>
            <location filename="../../playground/ui/widgets/epoch_table.py" line="57" />
            <source>Mean absolute error on the test set, in the target's own units.</source>
            <translation>测试集上的平均绝对误差，单位与目标值相同。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/widgets/epoch_table.py" line="59" />
            <source>Val. R²</source>
            <translation>验证 R²</translation>
        </message>
        <message>
            <location filename="../../playground/ui/widgets/epoch_table.py" line="59" />
            <source>R² on the validation examples.</source>
            <translation>验证样本上的 R²。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/widgets/epoch_table.py" line="78" />
            <source>One row per finished epoch. Train and test numbers drifting apart is overfitting.</source>
            <translation>每完成一个轮次一行。训练和测试的数值越差越远，就是过拟合。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/widgets/image_io.py" line="173" />
            <source>{path}: cannot decode the {kind} image — the file is damaged or truncated ({reason}).</source>
            <translation>{path}：无法解码该 {kind} 图像——文件已损坏或不完整（{reason}）。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/widgets/image_io.py" line="174" />
            <source>{path}: cannot decode the image — the file is damaged or truncated ({reason}).</source>
            <translation>{path}：无法解码该图像——文件已损坏或不完整（{reason}）。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/widgets/image_io.py" line="66" />
            <source>{path}: is a folder, not an image file.</source>
            <translation>{path}：这是一个文件夹，不是图像文件。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/widgets/image_io.py" line="68" />
            <source>{path}: is a device or a pipe, not an image file.</source>
            <translation>{path}：这是一个设备或管道，不是图像文件。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/widgets/image_io.py" line="75" />
            <source>{path}: the file is empty.</source>
            <translation>{path}：文件是空的。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/widgets/image_io.py" line="77" />
            <source>{path}: permission denied.</source>
            <translation>{path}：没有访问权限。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/widgets/image_io.py" line="137" />
            <source>{path}: {width}×{height} pixels ({megapixels:.0f} MP) is too large; images up to {limit} MP are accepted — crop or scale it down.</source>
            <translation>{path}：{width}×{height} 像素（{megapixels:.0f} MP）太大了；最多接受 {limit} MP 的图像——请裁剪或缩小。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/widgets/image_io.py" line="72" />
            <location filename="../../playground/ui/widgets/image_io.py" line="118" />
            <source>{path}: cannot be read ({reason}).</source>
            <translation>{path}：无法读取（{reason}）。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/widgets/image_io.py" line="122" />
            <source>{path}: the array contains NaN or infinite values.</source>
            <translation>{path}：数组中含有 NaN 或无穷大的值。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/widgets/image_io.py" line="125" />
            <source>{path}: the array holds values as large as {value:.3g}; pixel values beyond ±{limit:.1g} are not an image.</source>
            <translation>{path}：数组中的值大到 {value:.3g}；超出 ±{limit:.1g} 的像素值不构成图像。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/widgets/image_io.py" line="160" />
            <source>{path}: not an image this app can read (PNG, JPEG, BMP, PGM or .npy), or the file is damaged.</source>
            <translation>{path}：不是本程序能读取的图像（PNG、JPEG、BMP、PGM 或 .npy），或者文件已损坏。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/widgets/image_io.py" line="98" />
            <source>{path}: the array holds {dtype}, not numbers; save pixel values.</source>
            <translation>{path}：数组中存放的是 {dtype}，不是数值；请保存像素值。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/widgets/image_io.py" line="101" />
            <source>{path}: an array of shape {shape} is not an image; expected H×W grayscale (or H×W×1, H×W×3 RGB).</source>
            <translation>{path}：形状为 {shape} 的数组不是图像；需要 H×W 灰度图（或 H×W×1、H×W×3 RGB）。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/widgets/image_io.py" line="106" />
            <source>{path}: the array has no pixels (shape {shape}).</source>
            <translation>{path}：数组中没有像素（形状 {shape}）。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/widgets/image_io.py" line="110" />
            <source>{path}: the array is too large to be a digit image.</source>
            <translation>{path}：数组太大，不可能是一张数字图像。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/widgets/image_io.py" line="95" />
            <source>{path}: not a numpy .npy array (the header is missing or damaged).</source>
            <translation>{path}：不是 numpy .npy 数组（文件头缺失或已损坏）。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/widgets/image_io.py" line="115" />
            <source>{path}: the array data is damaged or truncated ({reason}).</source>
            <translation>{path}：数组数据已损坏或不完整（{reason}）。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/widgets/label_scores.py" line="15" />
            <location filename="../../playground/ui/workspaces/inside/draw_panel.py" line="112" />
            <source>Label</source>
            <translation>标签</translation>
        </message>
        <message>
            <location filename="../../playground/ui/widgets/label_scores.py" line="16" />
            <source>A yes/no attribute the network answers for every digit.</source>
            <translation>网络要为每个数字回答“是/否”的一个属性。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/widgets/label_scores.py" line="17" />
            <source>Share of test digits for which this label is right.</source>
            <translation>该标签回答正确的测试数字比例。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/widgets/label_scores.py" line="18" />
            <source>F1 of this label on the test set: 2·precision·recall / (precision + recall). Low when the network misses the digits that have the attribute, even if its accuracy looks fine.</source>
            <translation>该标签在测试集上的 F1：2·精确率·召回率 / (精确率 + 召回率)。当网络漏掉具有该属性的数字时它会很低，即使准确率看起来不错。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/widgets/label_scores.py" line="35" />
            <source>Multi-label scores per label after the latest epoch.</source>
            <translation>最近一个轮次结束后各标签的多标签得分。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/widgets/label_scores.py" line="46" />
            <source>label {number}</source>
            <translation>标签 {number}</translation>
        </message>
        <message>
            <location filename="../../playground/ui/widgets/message_bar.py" line="16" />
            <source>Note</source>
            <translation>提示</translation>
        </message>
        <message>
            <location filename="../../playground/ui/widgets/message_bar.py" line="17" />
            <source>Warning</source>
            <translation>警告</translation>
        </message>
        <message>
            <location filename="../../playground/ui/widgets/message_bar.py" line="18" />
            <location filename="../../playground/ui/workspaces/playground/playground_panel.py" line="212" />
            <location filename="../../playground/ui/workspaces/playground/playground_panel.py" line="869" />
            <source>Problem</source>
            <translation>问题</translation>
        </message>
        <message>
            <location filename="../../playground/ui/widgets/message_bar.py" line="34" />
            <source>Dismiss this message</source>
            <translation>关闭此消息</translation>
        </message>
        <message>
            <location filename="../../playground/ui/widgets/message_bar.py" line="68" />
            <source>&lt;b&gt;{title}:&lt;/b&gt; {message}</source>
            <translation>&lt;b&gt;{title}：&lt;/b&gt;{message}</translation>
        </message>
        <message>
            <location filename="../../playground/ui/widgets/plots.py" line="57" />
            <location filename="../../playground/ui/widgets/plots.py" line="136" />
            <source>cross-entropy loss</source>
            <translation>交叉熵损失</translation>
        </message>
        <message>
            <location filename="../../playground/ui/widgets/plots.py" line="57" />
            <location filename="../../playground/ui/widgets/plots.py" line="58" />
            <source>binary cross-entropy</source>
            <translation>二元交叉熵</translation>
        </message>
        <message>
            <location filename="../../playground/ui/widgets/plots.py" line="58" />
            <source>mean squared error</source>
            <translation>均方误差</translation>
        </message>
        <message>
            <location filename="../../playground/ui/widgets/plots.py" line="58" />
            <source>mean absolute error</source>
            <translation>平均绝对误差</translation>
        </message>
        <message>
            <location filename="../../playground/ui/widgets/plots.py" line="52" />
            <location filename="../../playground/ui/widgets/plots.py" line="53" />
            <location filename="../../playground/ui/widgets/plots.py" line="137" />
            <source>Accuracy per epoch</source>
            <translation>每轮准确率</translation>
        </message>
        <message>
            <location filename="../../playground/ui/widgets/plots.py" line="52" />
            <location filename="../../playground/ui/widgets/plots.py" line="53" />
            <location filename="../../playground/ui/widgets/plots.py" line="137" />
            <source>accuracy (%)</source>
            <translation>准确率 (%)</translation>
        </message>
        <message>
            <location filename="../../playground/ui/widgets/plots.py" line="54" />
            <source>Accuracy per label, averaged</source>
            <translation>各标签准确率（平均）</translation>
        </message>
        <message>
            <location filename="../../playground/ui/widgets/plots.py" line="54" />
            <source>labels right (%)</source>
            <translation>标签正确率 (%)</translation>
        </message>
        <message>
            <location filename="../../playground/ui/widgets/plots.py" line="55" />
            <source>R² per epoch (1 = perfect)</source>
            <translation>每轮 R²（1 = 完美）</translation>
        </message>
        <message>
            <location filename="../../playground/ui/widgets/plots.py" line="131" />
            <source>Training loss per step</source>
            <translation>每步训练损失</translation>
        </message>
        <message>
            <location filename="../../playground/ui/widgets/plots.py" line="131" />
            <source>step (one batch each)</source>
            <translation>步（每步一个批次）</translation>
        </message>
        <message>
            <location filename="../../playground/ui/widgets/plots.py" line="131" />
            <location filename="../../playground/ui/workspaces/runs/experiments_panel.py" line="370" />
            <location filename="../../playground/ui/workspaces/runs/runs_panel.py" line="203" />
            <source>loss</source>
            <translation>损失值</translation>
        </message>
        <message>
            <location filename="../../playground/ui/widgets/plots.py" line="136" />
            <source>Loss per epoch</source>
            <translation>每轮损失</translation>
        </message>
        <message>
            <location filename="../../playground/ui/widgets/plots.py" line="136" />
            <location filename="../../playground/ui/widgets/plots.py" line="137" />
            <location filename="../../playground/ui/widgets/schedule_preview.py" line="30" />
            <location filename="../../playground/ui/workspaces/playground/playground_panel.py" line="328" />
            <source>epoch</source>
            <translation>轮次</translation>
        </message>
        <message>
            <location filename="../../playground/ui/widgets/plots.py" line="488" />
            <source>smoothed (EMA {weight:g})</source>
            <translation>平滑曲线（指数滑动平均 {weight:g}）</translation>
        </message>
        <message>
            <location filename="../../playground/ui/widgets/plots.py" line="145" />
            <source>loss of each batch</source>
            <translation>每个批次的损失</translation>
        </message>
        <message>
            <location filename="../../playground/ui/widgets/plots.py" line="172" />
            <source>train</source>
            <translation>训练</translation>
        </message>
        <message>
            <location filename="../../playground/ui/widgets/plots.py" line="173" />
            <location filename="../../playground/ui/workspaces/playground/playground_panel.py" line="334" />
            <source>test</source>
            <translation>测试</translation>
        </message>
        <message>
            <location filename="../../playground/ui/widgets/plots.py" line="174" />
            <source>validation</source>
            <translation>验证</translation>
        </message>
        <message>
            <location filename="../../playground/ui/widgets/plots.py" line="177" />
            <source>test, during epochs</source>
            <translation>测试（轮次中途）</translation>
        </message>
        <message>
            <location filename="../../playground/ui/widgets/plots.py" line="263" />
            <source>learning rate (right axis)</source>
            <translation>学习率（右轴）</translation>
        </message>
        <message>
            <location filename="../../playground/ui/widgets/schedule_preview.py" line="43" />
            <source>The learning rate at every step of the coming run (Train runs the chosen epochs).</source>
            <translation>即将进行的这次运行中每一步的学习率（“训练”会运行所选的轮数）。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/widgets/score_text.py" line="13" />
            <source>test R² {value:.3f}</source>
            <translation>测试 R² {value:.3f}</translation>
        </message>
        <message>
            <location filename="../../playground/ui/widgets/score_text.py" line="13" />
            <source>test F1 {value:.3f}</source>
            <translation>测试 F1 {value:.3f}</translation>
        </message>
        <message>
            <location filename="../../playground/ui/widgets/score_text.py" line="13" />
            <source>test accuracy {value:.1%}</source>
            <translation>测试准确率 {value:.1%}</translation>
        </message>
        <message>
            <location filename="../../playground/ui/widgets/score_text.py" line="14" />
            <source>val R² {value:.3f}</source>
            <translation>验证 R² {value:.3f}</translation>
        </message>
        <message>
            <location filename="../../playground/ui/widgets/score_text.py" line="14" />
            <source>val F1 {value:.3f}</source>
            <translation>验证 F1 {value:.3f}</translation>
        </message>
        <message>
            <location filename="../../playground/ui/widgets/score_text.py" line="14" />
            <source>val accuracy {value:.1%}</source>
            <translation>验证准确率 {value:.1%}</translation>
        </message>
        <message>
            <location filename="../../playground/ui/widgets/score_text.py" line="15" />
            <source>train R² {value:.3f}</source>
            <translation>训练 R² {value:.3f}</translation>
        </message>
        <message>
            <location filename="../../playground/ui/widgets/score_text.py" line="15" />
            <source>train F1 {value:.3f}</source>
            <translation>训练 F1 {value:.3f}</translation>
        </message>
        <message>
            <location filename="../../playground/ui/widgets/score_text.py" line="15" />
            <source>train accuracy {value:.1%}</source>
            <translation>训练准确率 {value:.1%}</translation>
        </message>
        <message>
            <location filename="../../playground/ui/widgets/score_text.py" line="44" />
            <source> (loss {loss:.3f})</source>
            <translation>（损失 {loss:.3f}）</translation>
        </message>
        <message>
            <location filename="../../playground/ui/widgets/score_text.py" line="49" />
            <source>Test R² &lt;b&gt;{r2:.3f}&lt;/b&gt;{mae}{loss}{where}.</source>
            <translation>测试 R² &lt;b&gt;{r2:.3f}&lt;/b&gt;{mae}{loss}{where}。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/widgets/score_text.py" line="59" />
            <source>&lt;br&gt;Train accuracy {accuracy:.2%}.</source>
            <translation>&lt;br&gt;训练准确率 {accuracy:.2%}。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/widgets/score_text.py" line="48" />
            <source>, mean absolute error {mae:.4g}</source>
            <translation>，平均绝对误差 {mae:.4g}</translation>
        </message>
        <message>
            <location filename="../../playground/ui/widgets/score_text.py" line="52" />
            <source>Test F1 &lt;b&gt;{f1:.3f}&lt;/b&gt;, labels right {accuracy:.2%}, every label right for {exact:.1%} of examples{loss}{where}.</source>
            <translation>测试 F1 &lt;b&gt;{f1:.3f}&lt;/b&gt;，标签正确率 {accuracy:.2%}，{exact:.1%} 的样本所有标签都正确{loss}{where}。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/widgets/score_text.py" line="56" />
            <source>Test accuracy &lt;b&gt;{accuracy:.2%}&lt;/b&gt;{loss}{where}.</source>
            <translation>测试准确率 &lt;b&gt;{accuracy:.2%}&lt;/b&gt;{loss}{where}。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/widgets/step_controls.py" line="32" />
            <source>The step before</source>
            <translation>上一步</translation>
        </message>
        <message>
            <location filename="../../playground/ui/widgets/step_controls.py" line="33" />
            <source>The next step</source>
            <translation>下一步</translation>
        </message>
        <message>
            <location filename="../../playground/ui/widgets/step_controls.py" line="34" />
            <source>Go through the steps one after another at the chosen speed</source>
            <translation>按所选速度依次走过每一步</translation>
        </message>
        <message>
            <location filename="../../playground/ui/widgets/step_controls.py" line="35" />
            <source>Stop stepping and show everything at once</source>
            <translation>停止逐步，一次显示全部</translation>
        </message>
        <message>
            <location filename="../../playground/ui/widgets/step_controls.py" line="36" />
            <source>How fast Play moves from step to step</source>
            <translation>播放时每一步之间的速度</translation>
        </message>
        <message>
            <location filename="../../playground/ui/widgets/step_controls.py" line="56" />
            <source>◀ Back</source>
            <translation>◀ 上一步</translation>
        </message>
        <message>
            <location filename="../../playground/ui/widgets/step_controls.py" line="58" />
            <source>Step ▶</source>
            <translation>下一步 ▶</translation>
        </message>
        <message>
            <location filename="../../playground/ui/widgets/step_controls.py" line="60" />
            <location filename="../../playground/ui/widgets/step_controls.py" line="167" />
            <source>Play</source>
            <translation>播放</translation>
        </message>
        <message>
            <location filename="../../playground/ui/widgets/step_controls.py" line="62" />
            <location filename="../../playground/ui/workspaces/runs/runs_panel.py" line="162" />
            <source>Show all</source>
            <translation>全部显示</translation>
        </message>
        <message>
            <location filename="../../playground/ui/widgets/step_controls.py" line="81" />
            <source>Speed</source>
            <translation>速度</translation>
        </message>
        <message>
            <location filename="../../playground/ui/widgets/step_controls.py" line="142" />
            <source>step {number} of {count}: {where}</source>
            <translation>第 {number} 步，共 {count} 步：{where}</translation>
        </message>
        <message>
            <location filename="../../playground/ui/widgets/step_controls.py" line="141" />
            <source>{count} steps: Step or click a cell</source>
            <translation>共 {count} 步：按“下一步”或点击一个单元</translation>
        </message>
        <message>
            <location filename="../../playground/ui/widgets/step_page.py" line="29" />
            <location filename="../../playground/ui/workspaces/inside/inside_panel.py" line="631" />
            <source>✓ numpy and PyTorch agree</source>
            <translation>✓ numpy 与 PyTorch 结果一致</translation>
        </message>
        <message>
            <location filename="../../playground/ui/widgets/step_page.py" line="29" />
            <location filename="../../playground/ui/workspaces/inside/inside_panel.py" line="631" />
            <source>✗ numpy and PyTorch disagree</source>
            <translation>✗ numpy 与 PyTorch 结果不一致</translation>
        </message>
        <message>
            <location filename="../../playground/ui/widgets/step_page.py" line="33" />
            <source>largest |numpy − PyTorch| = &lt;b&gt;{diff:.1e}&lt;/b&gt; &amp;nbsp; {verdict} &lt;span style='font-size:9pt'&gt;({what})&lt;/span&gt;</source>
            <translation>最大 |numpy − PyTorch| = &lt;b&gt;{diff:.1e}&lt;/b&gt; &amp;nbsp; {verdict} &lt;span style='font-size:9pt'&gt;（{what}）&lt;/span&gt;</translation>
        </message>
        <message>
            <location filename="../../playground/ui/widgets/training_status.py" line="20" />
            <source>%p%  ·  stopped</source>
            <translation>%p%  ·  已停止</translation>
        </message>
        <message>
            <location filename="../../playground/ui/widgets/training_status.py" line="21" />
            <source>%p%  ·  diverged</source>
            <translation>%p%  ·  已发散</translation>
        </message>
        <message>
            <location filename="../../playground/ui/widgets/training_status.py" line="22" />
            <source>%p%  ·  error</source>
            <translation>%p%  ·  出错</translation>
        </message>
        <message>
            <location filename="../../playground/ui/widgets/training_status.py" line="47" />
            <source>The data the network learns from (Data menu: import your own, or go back to MNIST).</source>
            <translation>网络学习所用的数据（“数据”菜单：导入你自己的数据，或回到 MNIST）。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/widgets/training_status.py" line="49" />
            <source>Epochs finished and the epoch being trained, out of this run's target.</source>
            <translation>已完成的轮次和正在训练的轮次，以及本次运行的目标轮数。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/widgets/training_status.py" line="51" />
            <source>Weight updates so far: one per batch.</source>
            <translation>到目前为止的权重更新次数：每个批次一次。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/widgets/training_status.py" line="52" />
            <source>Training images processed per second (evaluation time not counted).</source>
            <translation>每秒处理的训练图像数（不计评估时间）。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/widgets/training_status.py" line="57" />
            <source>Progress of this run, with the estimated time left.</source>
            <translation>本次运行的进度，以及预计剩余时间。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/widgets/training_status.py" line="58" />
            <source>Where the network trains.</source>
            <translation>网络在哪个设备上训练。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/widgets/training_status.py" line="81" />
            <location filename="../../playground/ui/widgets/training_status.py" line="92" />
            <source>Epoch –</source>
            <translation>轮次 –</translation>
        </message>
        <message>
            <location filename="../../playground/ui/widgets/training_status.py" line="82" />
            <source>Step 0</source>
            <translation>第 0 步</translation>
        </message>
        <message>
            <location filename="../../playground/ui/widgets/training_status.py" line="83" />
            <location filename="../../playground/ui/widgets/training_status.py" line="147" />
            <source>– samples/s</source>
            <translation>– 样本/秒</translation>
        </message>
        <message>
            <location filename="../../playground/ui/widgets/training_status.py" line="85" />
            <source>Not started</source>
            <translation>未开始</translation>
        </message>
        <message>
            <location filename="../../playground/ui/widgets/training_status.py" line="93" />
            <location filename="../../playground/ui/widgets/training_status.py" line="118" />
            <location filename="../../playground/ui/widgets/training_status.py" line="128" />
            <location filename="../../playground/ui/widgets/training_status.py" line="132" />
            <source>Step {step:,}</source>
            <translation>第 {step:,} 步</translation>
        </message>
        <message>
            <location filename="../../playground/ui/widgets/training_status.py" line="97" />
            <location filename="../../playground/ui/widgets/training_status.py" line="116" />
            <location filename="../../playground/ui/widgets/training_status.py" line="125" />
            <source>Epoch {epoch}/{epochs}</source>
            <translation>第 {epoch}/{epochs} 轮</translation>
        </message>
        <message>
            <location filename="../../playground/ui/widgets/training_status.py" line="101" />
            <source>Starting…</source>
            <translation>正在启动…</translation>
        </message>
        <message>
            <location filename="../../playground/ui/widgets/training_status.py" line="121" />
            <source>%p%  ·  {time} left</source>
            <translation>%p%  ·  剩余 {time}</translation>
        </message>
        <message>
            <location filename="../../playground/ui/widgets/training_status.py" line="129" />
            <source>%p%  ·  paused</source>
            <translation>%p%  ·  已暂停</translation>
        </message>
        <message>
            <location filename="../../playground/ui/widgets/training_status.py" line="90" />
            <source>Epoch {epoch}</source>
            <translation>第 {epoch} 轮</translation>
        </message>
        <message>
            <location filename="../../playground/ui/widgets/training_status.py" line="149" />
            <source>{speed:,.0f} samples/s</source>
            <translation>{speed:,.0f} 样本/秒</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workers/inference_thread.py" line="251" />
            <source>The weights do not fit this network (a layer was added, removed or resized), so the canvas cannot use them; predictions resume when the network and its weights agree.</source>
            <translation>这些权重与当前网络不匹配（有层被添加、删除或改变了大小），因此画布无法使用它们；网络与权重一致后，预测会恢复。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workers/inference_thread.py" line="253" />
            <source>Prediction failed: {error}</source>
            <translation>预测失败：{error}</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workers/inference_thread.py" line="249" />
            <source>The network cannot be built for predictions: {error}</source>
            <translation>无法为预测构建网络：{error}</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workers/inference_thread.py" line="177" />
            <source>Predictions are unavailable: {error}</source>
            <translation>无法进行预测：{error}</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workers/inference_thread.py" line="167" />
            <source>The network's weights could not be read: {error}</source>
            <translation>无法读取网络的权重：{error}</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workers/inference_thread.py" line="222" />
            <source>This image cannot be classified: {error}</source>
            <translation>无法对这张图像分类：{error}</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workers/worker.py" line="629" />
            <source>The device ran out of memory. Use a smaller batch size or a smaller network, or train on the CPU.</source>
            <translation>设备内存不足。请使用更小的批大小或更小的网络，或者在 CPU 上训练。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workers/worker.py" line="630" />
            <source>Training failed: {error}</source>
            <translation>训练失败：{error}</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workers/worker.py" line="439" />
            <location filename="../../playground/ui/workers/worker.py" line="465" />
            <location filename="../../playground/ui/workers/worker.py" line="485" />
            <location filename="../../playground/ui/workers/worker.py" line="489" />
            <source>The data set is not loaded, so there is nothing to train on.</source>
            <translation>数据集尚未载入，因此没有可训练的数据。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workers/worker.py" line="372" />
            <source>The data set is not loaded, so the project's network cannot be built.</source>
            <translation>数据集尚未载入，因此无法构建项目的网络。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/backprop_view.py" line="46" />
            <source>The right answer y the loss is computed for</source>
            <translation>计算损失所用的正确答案 y</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/backprop_view.py" line="47" />
            <location filename="../../playground/ui/workspaces/inside/backprop_view.py" line="129" />
            <location filename="../../playground/ui/workspaces/inside/pool_output_view.py" line="225" />
            <location filename="../../playground/ui/workspaces/inside/pool_output_view.py" line="193" />
            <source>the network's answer</source>
            <translation>网络的回答</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/backprop_view.py" line="51" />
            <location filename="../../playground/ui/workspaces/inside/inside_panel.py" line="517" />
            <source>unit j = </source>
            <translation>神经元 j = </translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/backprop_view.py" line="53" />
            <source>The unit whose δ is written out in full, and whose weight is updated below</source>
            <translation>完整写出其 δ、并在下方更新其权重的单元</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/backprop_view.py" line="63" />
            <source>The learning rate of the update below</source>
            <translation>下方这次更新所用的学习率</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/backprop_view.py" line="122" />
            <source>autograd on the same weights: the loss and every ∂L/∂W, ∂L/∂b</source>
            <translation>在相同权重上与 autograd 对比：损失以及每个 ∂L/∂W、∂L/∂b</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/backprop_view.py" line="229" />
            <source>&lt;p&gt;&lt;b&gt;One update of {name}&lt;/b&gt; ({layer}.weight[{j}, {k}], the weight of row {j} with the largest gradient): w = {w}, ∂L/∂w = {g}.&lt;/p&gt;</source>
            <translation>&lt;p&gt;&lt;b&gt;对 {name} 做一次更新&lt;/b&gt;（{layer}.weight[{j}, {k}]，第 {j} 行中梯度最大的权重）：w = {w}，∂L/∂w = {g}。&lt;/p&gt;</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/backprop_view.py" line="245" />
            <source>&lt;p&gt;torch.optim on the same numbers: {torch} (difference {diff:.1e}).&lt;/p&gt;</source>
            <translation>&lt;p&gt;torch.optim 在相同数值上的结果：{torch}（差值 {diff:.1e}）。&lt;/p&gt;</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/backprop_view.py" line="70" />
            <source>Label y</source>
            <translation>标签 y</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/backprop_view.py" line="70" />
            <source>Update with</source>
            <translation>更新方式</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/backprop_view.py" line="188" />
            <source>All {n} units</source>
            <translation>全部 {n} 个单元</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/backprop_view.py" line="189" />
            <source>A few of the {n} units</source>
            <translation>{n} 个单元中的几个</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/backprop_view.py" line="219" />
            <source>&lt;p&gt;&lt;b&gt;Gradients:&lt;/b&gt; ∂L/∂{W} = {delta} ({a})&lt;sup&gt;T&lt;/sup&gt;, {n}×{m}: row {j} is δ&lt;sub&gt;{j}&lt;/sub&gt; times every input a&lt;sub&gt;k&lt;/sub&gt;. Its largest entries: {entries}. {zeros} of the {m} inputs are 0, so their weights get no gradient from this digit. ∂L/∂b&lt;sub&gt;{j}&lt;/sub&gt; = δ&lt;sub&gt;{j}&lt;/sub&gt; = {delta_j}.&lt;/p&gt;</source>
            <translation>&lt;p&gt;&lt;b&gt;梯度：&lt;/b&gt;∂L/∂{W} = {delta} ({a})&lt;sup&gt;T&lt;/sup&gt;，{n}×{m}：第 {j} 行是 δ&lt;sub&gt;{j}&lt;/sub&gt; 乘以每个输入 a&lt;sub&gt;k&lt;/sub&gt;。其中最大的几项：{entries}。{m} 个输入中有 {zeros} 个为 0，因此它们的权重从这个数字得不到梯度。∂L/∂b&lt;sub&gt;{j}&lt;/sub&gt; = δ&lt;sub&gt;{j}&lt;/sub&gt; = {delta_j}。&lt;/p&gt;</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/backprop_view.py" line="233" />
            <source>&lt;p style='font-size:12pt'&gt;SGD: w ← w − η·∂L/∂w = {w} − {lr}·{g} = &lt;b&gt;{new}&lt;/b&gt;&lt;/p&gt;</source>
            <translation>&lt;p style='font-size:12pt'&gt;SGD：w ← w − η·∂L/∂w = {w} − {lr}·{g} = &lt;b&gt;{new}&lt;/b&gt;&lt;/p&gt;</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/backprop_view.py" line="237" />
            <source>&lt;p&gt;Adam, first step (t = 1, m₀ = v₀ = 0): m₁ = (1 − β₁)·g = {m}, v₁ = (1 − β₂)·g² = {v}; m̂ = m₁ / (1 − β₁) = {m_hat}, v̂ = v₁ / (1 − β₂) = {v_hat}.&lt;/p&gt;&lt;p style='font-size:12pt'&gt;w ← w − η·m̂ / (√v̂ + ε) = {w} − {lr}·{ratio} = &lt;b&gt;{new}&lt;/b&gt;&lt;/p&gt;&lt;p&gt;On its first step Adam moves every weight by about η, whatever the size of its gradient: only the sign counts.&lt;/p&gt;</source>
            <translation>&lt;p&gt;Adam 第一步（t = 1，m₀ = v₀ = 0）：m₁ = (1 − β₁)·g = {m}，v₁ = (1 − β₂)·g² = {v}；m̂ = m₁ / (1 − β₁) = {m_hat}，v̂ = v₁ / (1 − β₂) = {v_hat}。&lt;/p&gt;&lt;p style='font-size:12pt'&gt;w ← w − η·m̂ / (√v̂ + ε) = {w} − {lr}·{ratio} = &lt;b&gt;{new}&lt;/b&gt;&lt;/p&gt;&lt;p&gt;第一步时，无论梯度大小，Adam 都把每个权重移动约 η：只有符号起作用。&lt;/p&gt;</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/backprop_view.py" line="119" />
            <source>layer {index} ({name})</source>
            <translation>第 {index} 层（{name}）</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/backprop_view.py" line="150" />
            <source>&lt;p style='font-size:12pt'&gt;L = −log p&lt;sub&gt;{y}&lt;/sub&gt; = {loss} &amp;nbsp; (label y = {y}). At the output (softmax + cross-entropy): {delta} = p − y&lt;/p&gt;&lt;p&gt;p is the softmax of {z}; y is 1 for the label and 0 elsewhere. Each δ&lt;sub&gt;j&lt;/sub&gt; = ∂L/∂z&lt;sub&gt;j&lt;/sub&gt; says how the loss changes with z&lt;sub&gt;j&lt;/sub&gt;.&lt;/p&gt;</source>
            <translation>&lt;p style='font-size:12pt'&gt;L = −log p&lt;sub&gt;{y}&lt;/sub&gt; = {loss} &amp;nbsp;（标签 y = {y}）。在输出层（softmax + 交叉熵）：{delta} = p − y&lt;/p&gt;&lt;p&gt;p 是 {z} 的 softmax；y 在该标签处为 1，其余为 0。每个 δ&lt;sub&gt;j&lt;/sub&gt; = ∂L/∂z&lt;sub&gt;j&lt;/sub&gt; 表示损失随 z&lt;sub&gt;j&lt;/sub&gt; 如何变化。&lt;/p&gt;</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/backprop_view.py" line="156" />
            <source>&lt;p style='font-size:12pt'&gt;{delta} = ({W_next})&lt;sup&gt;T&lt;/sup&gt; {delta_next} ⊙ g′({z})&lt;/p&gt;&lt;p&gt;{delta_next} ({n_next} numbers) goes back through the weights {W_next} ({n_next}×{n}) it came through, then each unit's share is scaled by the slope of its activation {act} at z&lt;sub&gt;j&lt;/sub&gt;.&lt;/p&gt;</source>
            <translation>&lt;p style='font-size:12pt'&gt;{delta} = ({W_next})&lt;sup&gt;T&lt;/sup&gt; {delta_next} ⊙ g′({z})&lt;/p&gt;&lt;p&gt;{delta_next}（{n_next} 个数）沿着它来时经过的权重 {W_next}（{n_next}×{n}）传回，然后每个单元的份额再乘以其激活函数 {act} 在 z&lt;sub&gt;j&lt;/sub&gt; 处的斜率。&lt;/p&gt;</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/backprop_view.py" line="202" />
            <source> + the other {count} terms ({rest})</source>
            <translation> + 其余 {count} 项（{rest}）</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/backprop_view.py" line="204" />
            <source>&lt;p&gt;&lt;b&gt;Unit j = {j}:&lt;/b&gt; ((W&lt;sup&gt;[{n}]&lt;/sup&gt;)&lt;sup&gt;T&lt;/sup&gt; δ&lt;sup&gt;[{n}]&lt;/sup&gt;)&lt;sub&gt;{j}&lt;/sub&gt; = Σ&lt;sub&gt;m&lt;/sub&gt; W&lt;sub&gt;m,{j}&lt;/sub&gt; δ&lt;sub&gt;m&lt;/sub&gt; = {terms}{more} = {back}&lt;/p&gt;</source>
            <translation>&lt;p&gt;&lt;b&gt;单元 j = {j}：&lt;/b&gt;((W&lt;sup&gt;[{n}]&lt;/sup&gt;)&lt;sup&gt;T&lt;/sup&gt; δ&lt;sup&gt;[{n}]&lt;/sup&gt;)&lt;sub&gt;{j}&lt;/sub&gt; = Σ&lt;sub&gt;m&lt;/sub&gt; W&lt;sub&gt;m,{j}&lt;/sub&gt; δ&lt;sub&gt;m&lt;/sub&gt; = {terms}{more} = {back}&lt;/p&gt;</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/backprop_view.py" line="207" />
            <source>&lt;p&gt;δ&lt;sub&gt;{j}&lt;/sub&gt; = {back} × g′(z&lt;sub&gt;{j}&lt;/sub&gt; = {z}) = {back} × {slope} = &lt;b&gt;{delta}&lt;/b&gt;&lt;/p&gt;</source>
            <translation>&lt;p&gt;δ&lt;sub&gt;{j}&lt;/sub&gt; = {back} × g′(z&lt;sub&gt;{j}&lt;/sub&gt; = {z}) = {back} × {slope} = &lt;b&gt;{delta}&lt;/b&gt;&lt;/p&gt;</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/backprop_view.py" line="211" />
            <source>&lt;p&gt;&lt;b&gt;Unit j = {j}:&lt;/b&gt; δ&lt;sub&gt;{j}&lt;/sub&gt; = p&lt;sub&gt;{j}&lt;/sub&gt; − y&lt;sub&gt;{j}&lt;/sub&gt; = {p} − {y} = &lt;b&gt;{delta}&lt;/b&gt;&lt;/p&gt;</source>
            <translation>&lt;p&gt;&lt;b&gt;单元 j = {j}：&lt;/b&gt;δ&lt;sub&gt;{j}&lt;/sub&gt; = p&lt;sub&gt;{j}&lt;/sub&gt; − y&lt;sub&gt;{j}&lt;/sub&gt; = {p} − {y} = &lt;b&gt;{delta}&lt;/b&gt;&lt;/p&gt;</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/canvas.py" line="212" />
            <source>Drawing canvas</source>
            <translation>手写画布</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/canvas.py" line="213" />
            <source>Draw one digit with the mouse, a pen or a finger.
Esc clears, Ctrl+Z undoes the last stroke.</source>
            <translation>用鼠标、手写笔或手指写一个数字。
Esc 清除，Ctrl+Z 撤销上一笔。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/canvas.py" line="519" />
            <source>Draw a digit here</source>
            <translation>在这里写一个数字</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/canvas.py" line="568" />
            <source>expected a 2-D grayscale image, got shape {shape}</source>
            <translation>需要二维灰度图像，但得到的形状是 {shape}</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/code_view.py" line="124" />
            <location filename="../../playground/ui/workspaces/matrices/matrix_display.py" line="215" />
            <location filename="../../playground/ui/workspaces/matrices/matrix_editor.py" line="214" />
            <source>Copy</source>
            <translation>复制</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/code_view.py" line="125" />
            <source>Copy the whole script to the clipboard.</source>
            <translation>把整个脚本复制到剪贴板。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/code_view.py" line="127" />
            <source>Save as…</source>
            <translation>另存为…</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/code_view.py" line="128" />
            <source>Write the script to a .py file (File ▸ Export PyTorch script…); a trained network's weights can go next to it.</source>
            <translation>把脚本写入一个 .py 文件（文件 ▸ 导出 PyTorch 脚本…）；训练好的网络权重可以一并保存在旁边。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/code_view.py" line="211" />
            <source>&lt;b&gt;Standalone PyTorch script&lt;/b&gt; — run it with</source>
            <translation>&lt;b&gt;独立的 PyTorch 脚本&lt;/b&gt;，运行命令：</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/code_view.py" line="212" />
            <source>This network and these training settings in plain PyTorch (torch and numpy only). It trains the same way the app does; under torchrun it uses DistributedDataParallel.</source>
            <translation>用纯 PyTorch（只依赖 torch 和 numpy）写出的这个网络和这些训练设置。它的训练方式与本应用相同；在 torchrun 下会使用 DistributedDataParallel。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/code_view.py" line="202" />
            <source>&lt;b&gt;No code yet&lt;/b&gt; — fix the network in the Network panel and the script appears here.</source>
            <translation>&lt;b&gt;暂无代码&lt;/b&gt;：在“网络”面板中修正网络后，脚本会显示在这里。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/conv_step_view.py" line="48" />
            <source>Train or load a network for 28×28 digits to step through it.</source>
            <translation>请训练或加载一个处理 28×28 数字的网络，才能逐步计算。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/conv_step_view.py" line="49" />
            <source>Train the network first: there are no trained weights to step through yet. The sandbox below needs no network.</source>
            <translation>请先训练网络：还没有可逐步计算的已训练权重。下方的沙盒不需要网络。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/conv_step_view.py" line="51" />
            <source>This network has no convolution layer: add a Conv2d layer (or choose Presets ▸ Small LeNet-style CNN) to step through one. The sandbox below needs no network.</source>
            <translation>这个网络没有卷积层：添加一个 Conv2d 层（或选择 预设 ▸ LeNet 风格的小型 CNN）即可逐步计算。下方的沙盒不需要网络。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/conv_step_view.py" line="53" />
            <source>Draw a digit on the Draw tab (or show a test digit there) to step through it.</source>
            <translation>请在“手写”标签页画一个数字（或在那里显示一个测试数字），才能逐步计算。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/conv_step_view.py" line="219" />
            <location filename="../../playground/ui/workspaces/inside/conv_step_view.py" line="438" />
            <source>Sandbox: the output size</source>
            <translation>沙盒：输出尺寸</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/conv_step_view.py" line="232" />
            <source>'valid' adds no zeros, 'same' adds enough for the output to keep the input's size (stride 1 only), a number adds that many on every side.</source>
            <translation>'valid' 不补零，'same' 补足零使输出保持输入的尺寸（仅限步幅 1），数字表示在每一边补多少个零。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/conv_step_view.py" line="237" />
            <source>input size n</source>
            <translation>输入尺寸 n</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/conv_step_view.py" line="238" />
            <source>kernel size k</source>
            <translation>卷积核尺寸 k</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/conv_step_view.py" line="239" />
            <source>stride s</source>
            <translation>步幅 s</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/conv_step_view.py" line="240" />
            <source>padding p</source>
            <translation>填充 p</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/conv_step_view.py" line="248" />
            <source>The padded input: each dot is the centre of one window position, the red square the first window. Tinted cells are the zeros padding adds.</source>
            <translation>填充后的输入：每个点是一个窗口位置的中心，红色方框是第一个窗口。着色的格子是填充补上的零。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/conv_step_view.py" line="322" />
            <source>The convolution layer to step through</source>
            <translation>要逐步计算的卷积层</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/conv_step_view.py" line="324" />
            <source>output channel o = </source>
            <translation>输出通道 o = </translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/conv_step_view.py" line="325" />
            <source>Which kernel (output channel) of the layer to apply</source>
            <translation>使用该层的哪个卷积核（输出通道）</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/conv_step_view.py" line="327" />
            <source>input channel shown c = </source>
            <translation>显示的输入通道 c = </translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/conv_step_view.py" line="328" />
            <source>The cell sums every input channel; this one is drawn and written out</source>
            <translation>每个单元对所有输入通道求和；这里画出并写出其中这一个</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/conv_step_view.py" line="330" />
            <source>The layer's input with its padding (tinted); the red square is the kernel's window for the cell being made</source>
            <translation>该层的输入及其填充（着色）；红色方框是正在计算的单元所对应的卷积核窗口</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/conv_step_view.py" line="334" />
            <source>Click a cell to see how it is made</source>
            <translation>点击一个单元，查看它是如何算出的</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/conv_step_view.py" line="471" />
            <source>the digit, normalised, with its padding</source>
            <translation>归一化后的数字及其填充</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/conv_step_view.py" line="482" />
            <source>&lt;p&gt;Each output cell is the sum of the k×k products of the kernel with the input under its window, over every input channel, plus the bias: z[o, r, c] = Σ&lt;sub&gt;channels&lt;/sub&gt; Σ&lt;sub&gt;k×k&lt;/sub&gt; window · W[o] + b[o]. Press Step or Play to make the cells one by one, or click a cell.&lt;/p&gt;</source>
            <translation>&lt;p&gt;每个输出单元是卷积核与其窗口下输入的 k×k 个乘积之和，对所有输入通道求和，再加上偏置：z[o, r, c] = Σ&lt;sub&gt;通道&lt;/sub&gt; Σ&lt;sub&gt;k×k&lt;/sub&gt; 窗口 · W[o] + b[o]。按“下一步”或“播放”逐个计算单元，或点击一个单元。&lt;/p&gt;</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/conv_step_view.py" line="504" />
            <source>&lt;p&gt;&lt;b&gt;Cell z[{o}, {r}, {c}]&lt;/b&gt;: the window starts at row {top}, column {left} of the padded input (the stride is {s}).&lt;/p&gt;</source>
            <translation>&lt;p&gt;&lt;b&gt;单元 z[{o}, {r}, {c}]&lt;/b&gt;：窗口从填充后输入的第 {top} 行、第 {left} 列开始（步幅为 {s}）。&lt;/p&gt;</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/conv_step_view.py" line="509" />
            <source>products:</source>
            <translation>乘积：</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/conv_step_view.py" line="511" />
            <source>&lt;p&gt;Σ of the {n} products of channel {c} = &lt;b&gt;{total}&lt;/b&gt;&lt;/p&gt;</source>
            <translation>&lt;p&gt;通道 {c} 的 {n} 个乘积之和 = &lt;b&gt;{total}&lt;/b&gt;&lt;/p&gt;</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/conv_step_view.py" line="517" />
            <source>&lt;p style='font-size:12pt'&gt;z[{o}, {r}, {c}] = {sums} + b[{o}] ({bias}) = &lt;b&gt;{value}&lt;/b&gt; &amp;nbsp; PyTorch: {torch}&lt;/p&gt;</source>
            <translation>&lt;p style='font-size:12pt'&gt;z[{o}, {r}, {c}] = {sums} + b[{o}]（{bias}）= &lt;b&gt;{value}&lt;/b&gt; &amp;nbsp; PyTorch：{torch}&lt;/p&gt;</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/conv_step_view.py" line="290" />
            <source>The {n}×{n} input gets {p} zeros on each side ({padded}×{padded}); the {k}×{k} window starts at the top left and moves {s} at a time: {out} positions a row, {out} rows, so the output is &lt;b&gt;{out}×{out}&lt;/b&gt;.</source>
            <translation>{n}×{n} 的输入每边补 {p} 个零（{padded}×{padded}）；{k}×{k} 的窗口从左上角开始，每次移动 {s}：每行 {out} 个位置，共 {out} 行，所以输出是 &lt;b&gt;{out}×{out}&lt;/b&gt;。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/conv_step_view.py" line="346" />
            <location filename="../../playground/ui/workspaces/inside/pool_output_view.py" line="58" />
            <location filename="../../playground/ui/workspaces/inside/projector_view.py" line="113" />
            <location filename="../../playground/ui/workspaces/inside/projector_view.py" line="168" />
            <source>Layer</source>
            <translation>层</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/conv_step_view.py" line="418" />
            <source>&lt;p&gt;&lt;b&gt;Parameter sharing.&lt;/b&gt; {summary}&lt;/p&gt;</source>
            <translation>&lt;p&gt;&lt;b&gt;参数共享。&lt;/b&gt;{summary}&lt;/p&gt;</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/conv_step_view.py" line="419" />
            <source>&lt;p&gt;{name}: {c_out} kernels of {c_in}×{k}×{k} = {weights:,} weights + {biases} biases = &lt;b&gt;{conv:,}&lt;/b&gt;. Linear: {n_in:,}·{n_out:,} weights + {n_bias:,} biases = &lt;b&gt;{dense:,}&lt;/b&gt;.&lt;/p&gt;</source>
            <translation>&lt;p&gt;{name}：{c_out} 个 {c_in}×{k}×{k} 的卷积核 = {weights:,} 个权重 + {biases} 个偏置 = &lt;b&gt;{conv:,}&lt;/b&gt;。Linear：{n_in:,}·{n_out:,} 个权重 + {n_bias:,} 个偏置 = &lt;b&gt;{dense:,}&lt;/b&gt;。&lt;/p&gt;</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/conv_step_view.py" line="433" />
            <location filename="../../playground/ui/workspaces/inside/pool_output_view.py" line="109" />
            <source>over all {count} cells of channel {o}</source>
            <translation>遍及通道 {o} 的全部 {count} 个单元</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/conv_step_view.py" line="472" />
            <source>input channel {c} with its padding</source>
            <translation>输入通道 {c} 及其填充</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/conv_step_view.py" line="515" />
            <source>&lt;p&gt;The same for each of the {n} input channels: {sums}; together &lt;b&gt;{total}&lt;/b&gt;.&lt;/p&gt;</source>
            <translation>&lt;p&gt;对 {n} 个输入通道逐一同样计算：{sums}；合计 &lt;b&gt;{total}&lt;/b&gt;。&lt;/p&gt;</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/conv_step_view.py" line="431" />
            <source>cell z[{row}, {col}]</source>
            <translation>单元 z[{row}, {col}]</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/conv_step_view.py" line="476" />
            <source>kernel W[{o}, {c}]</source>
            <translation>卷积核 W[{o}, {c}]</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/conv_step_view.py" line="478" />
            <source>output z[{o}] {rows}×{cols}</source>
            <translation>输出 z[{o}] {rows}×{cols}</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/conv_step_view.py" line="507" />
            <source>input · kernel, channel {c}:</source>
            <translation>输入 · 卷积核，通道 {c}：</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/draw_panel.py" line="48" />
            <source>No trained network yet</source>
            <translation>还没有训练好的网络</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/draw_panel.py" line="50" />
            <source>Keep this drawing, as the network sees it (28×28), with the label above, so the network can learn from it.</source>
            <translation>按网络看到的样子（28×28）保存这张手写图，并附上上面选择的标签，让网络可以从中学习。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/draw_panel.py" line="54" />
            <source>Undo the last stroke (Ctrl+Z)</source>
            <translation>撤销上一笔（Ctrl+Z）</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/draw_panel.py" line="55" />
            <source>Undo the last clear (Ctrl+Z)</source>
            <translation>撤销上一次清除（Ctrl+Z）</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/draw_panel.py" line="56" />
            <source>Undo the last loaded image (Ctrl+Z)</source>
            <translation>撤销上一次加载的图像（Ctrl+Z）</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/draw_panel.py" line="90" />
            <source>Clear</source>
            <translation>清除</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/draw_panel.py" line="91" />
            <source>Empty the canvas (Esc). Undo brings the drawing back.</source>
            <translation>清空画布（Esc）。撤销可以恢复手写图。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/draw_panel.py" line="92" />
            <source>Undo stroke</source>
            <translation>撤销笔画</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/draw_panel.py" line="93" />
            <source>Take back the last stroke (Ctrl+Z)</source>
            <translation>撤回上一笔（Ctrl+Z）</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/draw_panel.py" line="97" />
            <source>Pen width</source>
            <translation>笔画粗细</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/draw_panel.py" line="98" />
            <source>Pen width. MNIST digits have strokes about a ninth of the digit's height; the preprocessing scales any drawing, so any width that reads well works.</source>
            <translation>笔宽。MNIST 数字的笔画约为数字高度的九分之一；预处理会缩放任何手写图，所以只要看得清楚，任何笔宽都可以。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/draw_panel.py" line="100" />
            <source>Load image…</source>
            <translation>加载图像…</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/draw_panel.py" line="101" />
            <source>Classify a picture of a digit: PNG, JPEG, BMP, PGM or .npy, any size, dark on light or light on dark.</source>
            <translation>对一张数字图片进行分类：PNG、JPEG、BMP、PGM 或 .npy，任意尺寸，浅底深字或深底浅字均可。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/draw_panel.py" line="103" />
            <source>Random test digit</source>
            <translation>随机测试数字</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/draw_panel.py" line="104" />
            <source>Show a digit from the test set, which the network never trains on.</source>
            <translation>显示测试集中的一个数字（网络从不在测试集上训练）。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/draw_panel.py" line="110" />
            <source>The digit this drawing really is — you choose, not the network: a wrong label teaches the network the wrong thing.</source>
            <translation>这张手写图实际上是哪个数字——由你来选，而不是网络：错误的标签会让网络学到错误的东西。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/draw_panel.py" line="113" />
            <source>Add to training data</source>
            <translation>加入训练数据</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/draw_panel.py" line="151" />
            <source>Pen</source>
            <translation>画笔</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/draw_panel.py" line="234" />
            <source>Load a digit image</source>
            <translation>加载数字图像</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/draw_panel.py" line="161" />
            <source>It is a</source>
            <translation>它是</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/draw_panel.py" line="336" />
            <source>Draw or load a digit first.</source>
            <translation>请先手写或加载一个数字。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/draw_panel.py" line="345" />
            <source>Nothing to undo</source>
            <translation>没有可撤销的操作</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/draw_panel.py" line="235" />
            <source>Images ({patterns});;All files (*)</source>
            <translation>图像 ({patterns});;所有文件 (*)</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/draw_panel.py" line="308" />
            <source>Loaded {name}</source>
            <translation>已加载 {name}</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/draw_panel.py" line="338" />
            <source>Choose what digit this is first (the box above).</source>
            <translation>请先选择这是哪个数字（上面的下拉框）。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/draw_panel.py" line="310" />
            <source>Test digit #{index:,}, labelled “{name}”</source>
            <translation>测试数字 #{index:,}，标签为“{name}”</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/draw_panel.py" line="313" />
            <source>Added to the training data as “{name}”.</source>
            <translation>已作为“{name}”加入训练数据。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/draw_panel.py" line="349" />
            <source>Undo the last {action} (Ctrl+Z)</source>
            <translation>撤销上一次{action}（Ctrl+Z）</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/evaluation_panel.py" line="76" />
            <source>Confusion matrix</source>
            <translation>混淆矩阵</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/evaluation_panel.py" line="76" />
            <source>predicted class (what the network said)</source>
            <translation>预测类别（网络给出的答案）</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/evaluation_panel.py" line="77" />
            <location filename="../../playground/ui/workspaces/inside/evaluation_panel.py" line="226" />
            <source>true class</source>
            <translation>真实类别</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/evaluation_panel.py" line="95" />
            <source>Hover over a cell to read it; click it to see its digits in the gallery.</source>
            <translation>把鼠标悬停在格子上查看数值；点击可在图库中查看其中的数字。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/evaluation_panel.py" line="187" />
            <source>true {true}, said {said}: {count} right{share}. Click to see them.</source>
            <translation>真实为 {true}，预测为 {said}：{count} 个正确{share}。点击查看。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/evaluation_panel.py" line="188" />
            <source>true {true}, said {said}: {count} mistakes{share}. Click to see them.</source>
            <translation>真实为 {true}，预测为 {said}：{count} 个错误{share}。点击查看。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/evaluation_panel.py" line="201" />
            <source>Evaluate on test set</source>
            <translation>在测试集上评估</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/evaluation_panel.py" line="211" />
            <location filename="../../playground/ui/workspaces/inside/multilabel_compare_view.py" line="78" />
            <location filename="../../playground/ui/workspaces/inside/projector_view.py" line="117" />
            <location filename="../../playground/ui/workspaces/runs/experiments_panel.py" line="355" />
            <location filename="../../playground/ui/workspaces/runs/sweep_panel.py" line="265" />
            <source>Cancel</source>
            <translation>取消</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/evaluation_panel.py" line="212" />
            <source>Stop evaluating; the last result stays on screen.</source>
            <translation>停止评估；上一次的结果会保留在屏幕上。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/evaluation_panel.py" line="226" />
            <source>Accuracy per class</source>
            <translation>各类别准确率</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/evaluation_panel.py" line="226" />
            <source>% right</source>
            <translation>正确率 (%)</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/evaluation_panel.py" line="239" />
            <source>Show the most confident mistakes</source>
            <translation>显示最自信的错误</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/evaluation_panel.py" line="240" />
            <source>Back to the gallery of misclassified digits.</source>
            <translation>返回分类错误的数字图库。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/evaluation_panel.py" line="243" />
            <source>Previous digits</source>
            <translation>上一页数字</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/evaluation_panel.py" line="244" />
            <source>More digits</source>
            <translation>更多数字</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/evaluation_panel.py" line="252" />
            <source>Hover over a digit for its probabilities; click it to look inside the network with it.</source>
            <translation>悬停在数字上查看其概率；点击可用它查看网络内部。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/evaluation_panel.py" line="273" />
            <source>Press “Evaluate on test set” to see which digits the network confuses.</source>
            <translation>点击“在测试集上评估”，看看网络会把哪些数字搞混。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/evaluation_panel.py" line="390" />
            <source>no mistakes</source>
            <translation>没有错误</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/evaluation_panel.py" line="427" />
            <location filename="../../playground/ui/workspaces/inside/evaluation_panel.py" line="250" />
            <source>no digits in this cell</source>
            <translation>这个格子里没有数字</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/evaluation_panel.py" line="364" />
            <source>&lt;b&gt;Test accuracy {accuracy:.2%}&lt;/b&gt; · loss {loss:.4f} · {count:,} {dataset} digits, {wrong:,} wrong</source>
            <translation>&lt;b&gt;测试准确率 {accuracy:.2%}&lt;/b&gt; · 损失 {loss:.4f} · {count:,} 个 {dataset} 数字，{wrong:,} 个错误</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/evaluation_panel.py" line="408" />
            <source>&lt;b&gt;True {true}, classified right&lt;/b&gt;: {count:,} digit, with the probability the network gave its answer.</source>
            <translation>&lt;b&gt;真实为 {true}，分类正确&lt;/b&gt;：{count:,} 个数字，并附上网络给出其答案的概率。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/evaluation_panel.py" line="410" />
            <source>&lt;b&gt;True {true}, classified right&lt;/b&gt;: {count:,} digits, with the probability the network gave its answer.</source>
            <translation>&lt;b&gt;真实为 {true}，分类正确&lt;/b&gt;：{count:,} 个数字，并附上网络给出其答案的概率。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/evaluation_panel.py" line="413" />
            <source>&lt;b&gt;True {true}, said {said}&lt;/b&gt;: {count:,} digit, with the probability the network gave its answer.</source>
            <translation>&lt;b&gt;真实为 {true}，预测为 {said}&lt;/b&gt;：{count:,} 个数字，并附上网络给出其答案的概率。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/evaluation_panel.py" line="415" />
            <source>&lt;b&gt;True {true}, said {said}&lt;/b&gt;: {count:,} digits, with the probability the network gave its answer.</source>
            <translation>&lt;b&gt;真实为 {true}，预测为 {said}&lt;/b&gt;：{count:,} 个数字，并附上网络给出其答案的概率。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/evaluation_panel.py" line="185" />
            <source> ({share:.1%} of the {total} {cls}s)</source>
            <translation>（占全部 {total} 个 {cls} 的 {share:.1%}）</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/evaluation_panel.py" line="324" />
            <source>Classifying the test digits with the current weights…</source>
            <translation>正在用当前权重对测试数字进行分类…</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/evaluation_panel.py" line="403" />
            <source>&lt;b&gt;No mistakes&lt;/b&gt;: every digit was classified correctly.</source>
            <translation>&lt;b&gt;没有错误&lt;/b&gt;：每个数字都分类正确。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/evaluation_panel.py" line="510" />
            <source>Accuracy per class (all: {accuracy:.0%})</source>
            <translation>各类别准确率（总体：{accuracy:.0%}）</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/evaluation_panel.py" line="473" />
            <source>Test digit #{index}: true {true}. The network's top guesses: {guesses}. Click to look inside the network with it.</source>
            <translation>测试数字 #{index}：真实为 {true}。网络最有把握的几个猜测：{guesses}。点击可用它查看网络内部。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/evaluation_panel.py" line="479" />
            <source>{first}–{last} of {total:,}</source>
            <translation>第 {first}–{last} 个，共 {total:,} 个</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/evaluation_panel.py" line="512" />
            <source>Orange: the class the network gets wrong most often ({cls}). Dashed: accuracy over all classes.</source>
            <translation>橙色：网络最常出错的类别（{cls}）。虚线：所有类别的总体准确率。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/evaluation_panel.py" line="401" />
            <source>&lt;b&gt;The most confidently wrong&lt;/b&gt;: {count:,} of {total:,} digits are misclassified.</source>
            <translation>&lt;b&gt;最自信的错误&lt;/b&gt;：{total:,} 个数字中有 {count:,} 个分类错误。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/evaluation_panel.py" line="469" />
            <source>true {true} → said {said}</source>
            <translation>真实 {true} → 预测 {said}</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/fool_it_view.py" line="28" />
            <source>Fool it: every pixel moves by ε (in pixel units, 0 to 1) in the direction that raises the loss of the network's answer fastest — the fast gradient sign method. How small a change makes it say something else?</source>
            <translation>骗过它：每个像素沿着使网络当前回答的损失上升最快的方向移动 ε（像素单位，0 到 1）——即快速梯度符号法（FGSM）。多小的改动就能让它改口？</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/fool_it_view.py" line="31" />
            <source>ε = {epsilon} is the smallest step that changes the answer: {before} becomes {after}.</source>
            <translation>ε = {epsilon} 是改变回答的最小步长：{before} 变成了 {after}。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/fool_it_view.py" line="32" />
            <source>No step up to ε = {epsilon} changes the answer ({before}).</source>
            <translation>直到 ε = {epsilon}，都没有步长能改变回答（{before}）。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/fool_it_view.py" line="33" />
            <source>Your digit
it says {digit} ({percent})</source>
            <translation>你的数字
网络说是 {digit}（{percent}）</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/fool_it_view.py" line="34" />
            <source>After the step
it says {digit} ({percent})</source>
            <translation>改动之后
网络说是 {digit}（{percent}）</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/fool_it_view.py" line="35" />
            <source>The change
±ε per pixel</source>
            <translation>改动
每个像素 ±ε</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/fool_it_view.py" line="36" />
            <source>Draw a digit (or pick a test digit) on the Draw view.</source>
            <translation>请在“绘图”视图中画一个数字（或选一个测试数字）。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/fool_it_view.py" line="66" />
            <source>What the step added: orange where pixels got brighter, blue where they got darker. Each pixel moves by the same ε, only its sign differs.</source>
            <translation>这一步加上了什么：橙色表示像素变亮，蓝色表示变暗。每个像素移动的 ε 相同，只是符号不同。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/fool_it_view.py" line="71" />
            <source>Step size ε</source>
            <translation>步长 ε</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/fool_it_view.py" line="72" />
            <source>The step size ε: how far every pixel moves. The network's answer for each step is already computed; slide to see it.</source>
            <translation>步长 ε：每个像素移动多远。每个步长下网络的回答都已算好，拖动滑块即可查看。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/inside_panel.py" line="62" />
            <source>channel</source>
            <translation>通道</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/inside_panel.py" line="62" />
            <source>image row</source>
            <translation>图像行</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/inside_panel.py" line="676" />
            <source>(largest terms first)</source>
            <translation>（最大的项在前）</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/inside_panel.py" line="156" />
            <location filename="../../playground/ui/workspaces/inside/inside_panel.py" line="143" />
            <location filename="../../playground/ui/workspaces/inside/inside_panel.py" line="472" />
            <source>unit j</source>
            <translation>神经元 j</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/inside_panel.py" line="157" />
            <location filename="../../playground/ui/workspaces/inside/inside_panel.py" line="143" />
            <location filename="../../playground/ui/workspaces/inside/inside_panel.py" line="474" />
            <source>value</source>
            <translation>值</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/inside_panel.py" line="177" />
            <source>Hover over a bar to read its unit and value.</source>
            <translation>将鼠标悬停在柱上，可读出它的神经元编号和值。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/inside_panel.py" line="226" />
            <source>row starts at unit</source>
            <translation>该行起始神经元</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/inside_panel.py" line="227" />
            <source>unit j within the row</source>
            <translation>行内神经元 j</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/inside_panel.py" line="241" />
            <source>hidden unit</source>
            <translation>隐藏神经元</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/inside_panel.py" line="241" />
            <source>step t (image row read)</source>
            <translation>时间步 t（已读入的图像行）</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/inside_panel.py" line="244" />
            <source>Each row is the hidden state after reading one more row of the image. Hover over a cell to read it.</source>
            <translation>每一行是多读入一行图像之后的隐藏状态。将鼠标悬停在格子上可读出数值。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/inside_panel.py" line="295" />
            <source>Choose a layer to see what it outputs for this digit.</source>
            <translation>选择一层，查看它对这个数字的输出。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/inside_panel.py" line="309" />
            <source>Train or load a network, then draw or pick a digit to look inside it.</source>
            <translation>先训练或加载一个网络，再手写或选取一个数字，就能看到网络内部。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/inside_panel.py" line="509" />
            <source>◀ Previous layer</source>
            <translation>◀ 上一层</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/inside_panel.py" line="510" />
            <source>Next layer ▶</source>
            <translation>下一层 ▶</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/inside_panel.py" line="511" />
            <source>Go back one dense layer: a^[i−1] came from there.</source>
            <translation>回到上一个全连接层：a^[i−1] 来自那里。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/inside_panel.py" line="512" />
            <source>Go forward one dense layer: this layer's a^[i] becomes its input.</source>
            <translation>前进到下一个全连接层：本层的 a^[i] 成为它的输入。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/inside_panel.py" line="518" />
            <source>Which row of W^[i] (which output unit) to write out in full.</source>
            <translation>完整写出 W^[i] 的哪一行（哪个输出神经元）。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/inside_panel.py" line="529" />
            <source>The same layer computed twice: once by PyTorch, once by plain numpy (float64) from the weights and the formula above. Tiny differences come from float32 rounding.</source>
            <translation>同一层计算了两次：一次由 PyTorch 计算，一次用纯 numpy（float64）根据权重和上面的公式计算。微小的差异来自 float32 的舍入误差。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/inside_panel.py" line="543" />
            <source>This network has no Linear layers to step through.</source>
            <translation>这个网络没有可以逐步查看的 Linear 层。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/inside_panel.py" line="640" />
            <source>made of the 784 pixels of the image, normalised</source>
            <translation>由图像的 784 个像素组成（已标准化）</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/inside_panel.py" line="767" />
            <source>Layer outputs</source>
            <translation>各层输出</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/inside_panel.py" line="768" />
            <source>Forward pass, step by step</source>
            <translation>逐步前向传播</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/inside_panel.py" line="769" />
            <source>What every layer outputs for the current digit.</source>
            <translation>每一层对当前数字的输出。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/inside_panel.py" line="770" />
            <source>z = W·a + b and a = g(z) for each dense layer, with the actual numbers.</source>
            <translation>用实际数值写出每个全连接层的 z = W·a + b 和 a = g(z)。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/inside_panel.py" line="362" />
            <source>input x · {shape}</source>
            <translation>输入 x · {shape}</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/inside_panel.py" line="457" />
            <source>map {k}</source>
            <translation>特征图 {k}</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/inside_panel.py" line="457" />
            <source>{name}, channel {k}: {h}×{w}</source>
            <translation>{name}，通道 {k}：{h}×{w}</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/inside_panel.py" line="710" />
            <source>+ bias b&lt;sub&gt;{j}&lt;/sub&gt;</source>
            <translation>+ 偏置 b&lt;sub&gt;{j}&lt;/sub&gt;</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/inside_panel.py" line="231" />
            <source>one {kind} to a row</source>
            <translation>每行对应一个{kind}</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/inside_panel.py" line="232" />
            <source>{count} to a row</source>
            <translation>每行 {count} 个</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/inside_panel.py" line="233" />
            <source>{units} units, {fold} ({rows} rows). Hover over a cell to read it.</source>
            <translation>{units} 个神经元，{fold}（共 {rows} 行）。将鼠标悬停在格子上可读出数值。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/inside_panel.py" line="269" />
            <source>step {step}, hidden unit {unit}: {value}</source>
            <translation>第 {step} 步，隐藏神经元 {unit}：{value}</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/inside_panel.py" line="414" />
            <source>&lt;b&gt;{name}&lt;/b&gt; · {type} · output {shape}</source>
            <translation>&lt;b&gt;{name}&lt;/b&gt; · {type} · 输出 {shape}</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/inside_panel.py" line="443" />
            <source>Pixel values from 0 (black) to 1 (white), before normalisation.</source>
            <translation>像素值从 0（黑）到 1（白），尚未标准化。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/inside_panel.py" line="460" />
            <source>{count} feature maps of {h}×{w}, one per channel, on one colour scale (dark = low, yellow = high): bright maps are the ones this digit excites.</source>
            <translation>{count} 张 {h}×{w} 的特征图，每个通道一张，使用同一色标（深色 = 低，黄色 = 高）：明亮的特征图就是被这个数字激发的通道。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/inside_panel.py" line="609" />
            <source>&lt;b&gt;Layer i = {index}&lt;/b&gt; ({name}) · dense layer {position} of {count}</source>
            <translation>&lt;b&gt;第 i = {index} 层&lt;/b&gt;（{name}）· 第 {position} 个全连接层，共 {count} 个</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/inside_panel.py" line="636" />
            <source>largest |numpy − PyTorch| = &lt;b&gt;{diff:.1e}&lt;/b&gt; &amp;nbsp; {verdict} &lt;span style='font-size:9pt'&gt;(over all {count} values of {a})&lt;/span&gt;</source>
            <translation>最大 |numpy − PyTorch| = &lt;b&gt;{diff:.1e}&lt;/b&gt; &amp;nbsp; {verdict} &lt;span style='font-size:9pt'&gt;（遍历 {a} 的全部 {count} 个值）&lt;/span&gt;</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/inside_panel.py" line="646" />
            <source>no activation follows: a&lt;sup&gt;[{i}]&lt;/sup&gt; = z&lt;sup&gt;[{i}]&lt;/sup&gt; (for the last layer these are the logits; the loss applies softmax)</source>
            <translation>后面没有激活函数：a&lt;sup&gt;[{i}]&lt;/sup&gt; = z&lt;sup&gt;[{i}]&lt;/sup&gt;（对最后一层来说，这些就是 logits；由损失函数来做 softmax）</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/inside_panel.py" line="648" />
            <source>{a} = {activation}({z}), applied to each unit: a&lt;sub&gt;j&lt;/sub&gt; = {formula}</source>
            <translation>{a} = {activation}({z})，逐个作用于每个神经元：a&lt;sub&gt;j&lt;/sub&gt; = {formula}</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/inside_panel.py" line="672" />
            <source>The first {shown} of {rows} rows</source>
            <translation>前 {shown} 行（共 {rows} 行）</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/inside_panel.py" line="673" />
            <source>All {rows} rows</source>
            <translation>全部 {rows} 行</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/inside_panel.py" line="674" />
            <source> (“…” stands for the other {count})</source>
            <translation>（“…”代表其余 {count} 项）</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/inside_panel.py" line="707" />
            <source>+ the other {count} terms together</source>
            <translation>+ 其余 {count} 项之和</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/inside_panel.py" line="714" />
            <source> ({zeros} of the {count} inputs a&lt;sub&gt;k&lt;/sub&gt; are exactly 0, switched off by the activation before, so their terms add nothing.)</source>
            <translation>（{count} 个输入 a&lt;sub&gt;k&lt;/sub&gt; 中有 {zeros} 个恰好为 0，它们已被前面的激活函数关闭，所以对应的项不起作用。）</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/inside_panel.py" line="719" />
            <source>No activation: a&lt;sub&gt;{j}&lt;/sub&gt; = z&lt;sub&gt;{j}&lt;/sub&gt; = &lt;b&gt;{value}&lt;/b&gt;.</source>
            <translation>没有激活函数：a&lt;sub&gt;{j}&lt;/sub&gt; = z&lt;sub&gt;{j}&lt;/sub&gt; = &lt;b&gt;{value}&lt;/b&gt;。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/inside_panel.py" line="102" />
            <source>{zj} if {zj} &amp;gt; 0, else 0.01·{zj}</source>
            <translation>{zj}（当 {zj} &amp;gt; 0），否则 0.01·{zj}</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/inside_panel.py" line="185" />
            <source>unit {j}</source>
            <translation>神经元 {j}</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/inside_panel.py" line="186" />
            <source>{label} (unit {j})</source>
            <translation>{label}（神经元 {j}）</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/inside_panel.py" line="277" />
            <source>unit {j} ({kind} {row}, position {col}): {value}</source>
            <translation>神经元 {j}（{kind} {row}，位置 {col}）：{value}</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/inside_panel.py" line="280" />
            <source>unit {j}: {value}</source>
            <translation>神经元 {j}：{value}</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/inside_panel.py" line="418" />
            <source>&lt;b&gt;{name}&lt;/b&gt; · {type} · output {shape} (the last step; shown: all steps, {shown})</source>
            <translation>&lt;b&gt;{name}&lt;/b&gt; · {type} · 输出 {shape}（最后一步；此处显示全部时间步，{shown}）</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/inside_panel.py" line="466" />
            <source>{steps} steps × {units} hidden units.</source>
            <translation>{steps} 个时间步 × {units} 个隐藏神经元。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/inside_panel.py" line="472" />
            <source>output j (class)</source>
            <translation>输出 j（类别）</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/inside_panel.py" line="473" />
            <source>z (before activation)</source>
            <translation>z（激活前）</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/inside_panel.py" line="641" />
            <source>made of the {count} numbers that come out of the layers before {name}, flattened</source>
            <translation>由 {name} 之前各层输出的 {count} 个数组成（已展平）</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/inside_panel.py" line="643" />
            <source>the output of dense layer {index}</source>
            <translation>是第 {index} 层（全连接层）的输出</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/inside_panel.py" line="657" />
            <source>&lt;p style='margin-bottom:6px'&gt;{a_prev} is {source}. Activation: {activation}.&lt;/p&gt;</source>
            <translation>&lt;p style='margin-bottom:6px'&gt;{a_prev} {source}。激活函数：{activation}。&lt;/p&gt;</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/inside_panel.py" line="723" />
            <source>a&lt;sub&gt;{j}&lt;/sub&gt; = {formula} = &lt;b&gt;{value}&lt;/b&gt; (computed as e&lt;sup&gt;z&lt;sub&gt;{j}&lt;/sub&gt; − max z&lt;/sup&gt; / {denominator} to avoid overflow).</source>
            <translation>a&lt;sub&gt;{j}&lt;/sub&gt; = {formula} = &lt;b&gt;{value}&lt;/b&gt;（为避免溢出，按 e&lt;sup&gt;z&lt;sub&gt;{j}&lt;/sub&gt; − max z&lt;/sup&gt; / {denominator} 计算）。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/inside_panel.py" line="732" />
            <source>&lt;p&gt;&lt;b&gt;Unit j = {j} of {z} in full:&lt;/b&gt; z&lt;sub&gt;{j}&lt;/sub&gt; = Σ&lt;sub&gt;k&lt;/sub&gt; W&lt;sub&gt;{j},k&lt;/sub&gt; a&lt;sub&gt;k&lt;/sub&gt; + b&lt;sub&gt;{j}&lt;/sub&gt;, a sum of {count} products.{zero_note} Its {shown} largest terms, then the rest:&lt;/p&gt;</source>
            <translation>&lt;p&gt;&lt;b&gt;完整写出 {z} 的神经元 j = {j}：&lt;/b&gt;z&lt;sub&gt;{j}&lt;/sub&gt; = Σ&lt;sub&gt;k&lt;/sub&gt; W&lt;sub&gt;{j},k&lt;/sub&gt; a&lt;sub&gt;k&lt;/sub&gt; + b&lt;sub&gt;{j}&lt;/sub&gt;，是 {count} 个乘积之和。{zero_note}下面先列出其中最大的 {shown} 项，然后是其余部分：&lt;/p&gt;</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/inside_panel.py" line="441" />
            <source>&lt;b&gt;input x&lt;/b&gt; · the digit as the network receives it · {shape} pixels</source>
            <translation>&lt;b&gt;输入 x&lt;/b&gt; · 网络实际接收到的数字 · {shape} 像素</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/inside_panel.py" line="474" />
            <source>a (after activation)</source>
            <translation>a（激活后）</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/inside_panel.py" line="476" />
            <source>{count} units.</source>
            <translation>{count} 个神经元。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/inside_panel.py" line="652" />
            <source>&lt;p style='font-size:12pt'&gt;{z} = {W} {a_prev} + {b} &amp;nbsp;&amp;nbsp;then&amp;nbsp;&amp;nbsp; {a} = g({z})&lt;/p&gt;</source>
            <translation>&lt;p style='font-size:12pt'&gt;{z} = {W} {a_prev} + {b} &amp;nbsp;&amp;nbsp;然后&amp;nbsp;&amp;nbsp; {a} = g({z})&lt;/p&gt;</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/inside_panel.py" line="654" />
            <source>&lt;p&gt;&lt;b&gt;Shapes:&lt;/b&gt; {W}: {n_out}×{n_in} · {a_prev}: {n_in} → {z}: {n_out} &amp;nbsp;(+ {b}: {n_bias})&lt;/p&gt;</source>
            <translation>&lt;p&gt;&lt;b&gt;形状：&lt;/b&gt;{W}: {n_out}×{n_in} · {a_prev}: {n_in} → {z}: {n_out} &amp;nbsp;(+ {b}: {n_bias})&lt;/p&gt;</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/inside_panel.py" line="480" />
            <source> {off} of them are switched off (≤ 0) for this digit.</source>
            <translation>其中 {off} 个在这个数字上被关闭（≤ 0）。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/inside_panel.py" line="482" />
            <source> The largest output (orange) is the network's answer: class {label}.</source>
            <translation>最大的输出（橙色）就是网络的答案：类别 {label}。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/inside_panel.py" line="488" />
            <source>{count} units, too many for one bar each: drawn as a heatmap, one {kind} per row — the same numbers as before {name}, unrolled.</source>
            <translation>{count} 个神经元，太多了，无法每个画一根柱：改用热力图显示，每行对应一个{kind}——与 {name} 之前的数值相同，只是展开了。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/inside_panel.py" line="492" />
            <source>{count} units, too many for one bar each: drawn as a heatmap.</source>
            <translation>{count} 个神经元，太多了，无法每个画一根柱：改用热力图显示。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/inside_panel.py" line="678" />
            <source>&lt;p&gt;&lt;b&gt;{which} of {z} = {W}{a_prev} + {b}&lt;/b&gt;: z&lt;sub&gt;j&lt;/sub&gt; = Σ&lt;sub&gt;k&lt;/sub&gt; W&lt;sub&gt;jk&lt;/sub&gt; a&lt;sub&gt;k&lt;/sub&gt; + b&lt;sub&gt;j&lt;/sub&gt;, each written out with its {terms} largest terms{others}:&lt;/p&gt;</source>
            <translation>&lt;p&gt;&lt;b&gt;{z} = {W}{a_prev} + {b} 的{which}&lt;/b&gt;：z&lt;sub&gt;j&lt;/sub&gt; = Σ&lt;sub&gt;k&lt;/sub&gt; W&lt;sub&gt;jk&lt;/sub&gt; a&lt;sub&gt;k&lt;/sub&gt; + b&lt;sub&gt;j&lt;/sub&gt;，每行写出其中最大的 {terms} 项{others}：&lt;/p&gt;</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/learning_panel.py" line="77" />
            <source>Dead ReLUs (dashed: warning at {share:.0%})</source>
            <translation>死亡 ReLU（虚线：{share:.0%} 时警告）</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/learning_panel.py" line="116" />
            <location filename="../../playground/ui/workspaces/inside/learning_panel.py" line="326" />
            <source>No snapshot yet: press Train, and this panel follows the network as it learns.</source>
            <translation>还没有快照：点击“训练”，这个面板会跟踪网络的学习过程。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/learning_panel.py" line="120" />
            <source>The trainer checks every snapshot for dead ReLUs and vanishing or exploding gradients.</source>
            <translation>训练器会检查每个快照中是否有死亡 ReLU 以及梯度消失或梯度爆炸。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/learning_panel.py" line="125" />
            <source>Which layer's weights and biases the histograms show.</source>
            <translation>直方图显示哪一层的权重和偏置。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/learning_panel.py" line="136" />
            <source>this layer has no bias</source>
            <translation>该层没有偏置</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/learning_panel.py" line="141" />
            <source>Gradient norm per layer: backpropagation made visible</source>
            <translation>各层梯度范数：让反向传播看得见</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/learning_panel.py" line="142" />
            <source>training step</source>
            <translation>训练步</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/learning_panel.py" line="142" />
            <source>‖∂L/∂W‖ (log scale)</source>
            <translation>‖∂L/∂W‖（对数刻度）</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/learning_panel.py" line="148" />
            <source>How strongly the loss pulls on each layer's weights. Curves far below the others mean that layer hardly learns (vanishing gradients); curves shooting up mean the updates are exploding.</source>
            <translation>损失对每层权重的拉动有多强。远低于其他曲线的层几乎学不到东西（梯度消失）；急剧上升的曲线表示更新正在爆炸。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/learning_panel.py" line="154" />
            <source>The share of each ReLU layer's units that output 0 for every probe digit: a dead unit passes no gradient back, so it stops learning for good.</source>
            <translation>每个 ReLU 层中对所有探针数字都输出 0 的神经元比例：死亡的神经元不再向回传递梯度，因此永远停止学习。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/learning_panel.py" line="163" />
            <source>no ReLU layers in this network</source>
            <translation>这个网络中没有 ReLU 层</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/learning_panel.py" line="193" />
            <source>Each small square is one kernel: the pattern of weights it slides over the image.</source>
            <translation>每个小方块是一个卷积核：它在图像上滑动的权重图案。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/learning_panel.py" line="195" />
            <source>Which layer's feature maps of the probe digit to show.</source>
            <translation>显示探针数字在哪一层的特征图。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/learning_panel.py" line="203" />
            <source>This network has no convolution layers, so there are no filters or feature maps to show. Try the cnn preset.</source>
            <translation>这个网络没有卷积层，所以没有滤波器或特征图可显示。试试 cnn 预设。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/learning_panel.py" line="231" />
            <source>Weights and gradients</source>
            <translation>权重和梯度</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/learning_panel.py" line="232" />
            <source>Filters and feature maps</source>
            <translation>滤波器和特征图</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/learning_panel.py" line="317" />
            <source>filters appear with the first snapshot</source>
            <translation>滤波器会随第一个快照出现</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/learning_panel.py" line="318" />
            <source>feature maps appear with the first snapshot</source>
            <translation>特征图会随第一个快照出现</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/learning_panel.py" line="325" />
            <source>Filters of the first convolution layer</source>
            <translation>第一个卷积层的滤波器</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/learning_panel.py" line="327" />
            <source>Health checks</source>
            <translation>健康检查</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/learning_panel.py" line="328" />
            <source>Weights</source>
            <translation>权重</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/learning_panel.py" line="329" />
            <source>Biases</source>
            <translation>偏置</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/learning_panel.py" line="126" />
            <source>weight value</source>
            <translation>权重值</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/learning_panel.py" line="126" />
            <location filename="../../playground/ui/workspaces/inside/learning_panel.py" line="127" />
            <source>count</source>
            <translation>数量</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/learning_panel.py" line="127" />
            <source>bias value</source>
            <translation>偏置值</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/learning_panel.py" line="153" />
            <source>% never firing</source>
            <translation>从不激活的比例 (%)</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/learning_panel.py" line="171" />
            <source>Histograms of layer</source>
            <translation>直方图所属层</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/learning_panel.py" line="215" />
            <source>Feature maps of layer</source>
            <translation>特征图所属层</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/learning_panel.py" line="327" />
            <source>They start with the first snapshot of training.</source>
            <translation>检查从训练的第一个快照开始。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/learning_panel.py" line="499" />
            <source>⚠ 1 problem at step {step:,}</source>
            <translation>⚠ 第 {step:,} 步有 1 个问题</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/learning_panel.py" line="500" />
            <source>⚠ {count} problems at step {step:,}</source>
            <translation>⚠ 第 {step:,} 步有 {count} 个问题</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/learning_panel.py" line="526" />
            <source>&lt;b&gt;Filters of {layer}&lt;/b&gt; ({w}): {count} kernels of {height}×{width}.</source>
            <translation>&lt;b&gt;{layer} 的滤波器&lt;/b&gt;（{w}）：{count} 个 {height}×{width} 的卷积核。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/learning_panel.py" line="527" />
            <source>&lt;b&gt;Filters of {layer}&lt;/b&gt; ({w}): {count} kernels of {height}×{width} (averaged over its {channels} input channels).</source>
            <translation>&lt;b&gt;{layer} 的滤波器&lt;/b&gt;（{w}）：{count} 个 {height}×{width} 的卷积核（对其 {channels} 个输入通道取平均）。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/learning_panel.py" line="349" />
            <source>Step {step:,} · {count} snapshots so far</source>
            <translation>第 {step:,} 步 · 目前共 {count} 个快照</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/learning_panel.py" line="418" />
            <source>: &lt;b&gt;0&lt;/b&gt; (no gradient)</source>
            <translation>：&lt;b&gt;0&lt;/b&gt;（无梯度）</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/learning_panel.py" line="435" />
            <source>{w} of {layer}: {count:,} weights</source>
            <translation>{layer} 的 {w}：{count:,} 个权重</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/learning_panel.py" line="336" />
            <location filename="../../playground/ui/workspaces/inside/learning_panel.py" line="364" />
            <source>probe digit</source>
            <translation>探针数字</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/learning_panel.py" line="441" />
            <source>{b} of {layer}: {count:,} biases</source>
            <translation>{layer} 的 {b}：{count:,} 个偏置</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/learning_panel.py" line="446" />
            <source>{b} of {layer}</source>
            <translation>{layer} 的 {b}</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/learning_panel.py" line="532" />
            <source>Orange: positive weight, blue: negative, white: 0.</source>
            <translation>橙色：正权重，蓝色：负权重，白色：0。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/learning_panel.py" line="544" />
            <source>One colour scale: dark low, yellow high.</source>
            <translation>统一色标：深色为低，黄色为高。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/learning_panel.py" line="503" />
            <source>✓ No problems detected at step {step:,}: gradients reach every layer and no ReLU layer is dead.</source>
            <translation>✓ 第 {step:,} 步未发现问题：梯度能到达每一层，也没有死亡的 ReLU 层。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/learning_panel.py" line="523" />
            <source>{layer}, kernel {index}: {height}×{width} weights</source>
            <translation>{layer}，卷积核 {index}：{height}×{width} 个权重</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/learning_panel.py" line="538" />
            <source>map {index}</source>
            <translation>特征图 {index}</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/learning_panel.py" line="539" />
            <source>{layer}, channel {index}: {height}×{width}</source>
            <translation>{layer}，通道 {index}：{height}×{width}</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/learning_panel.py" line="542" />
            <source>&lt;b&gt;{layer}&lt;/b&gt;: {count} maps of {height}×{width} for the probe digit, updating as the network learns.</source>
            <translation>&lt;b&gt;{layer}&lt;/b&gt;：探针数字的 {count} 张 {height}×{width} 特征图，随网络学习而更新。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/live_model_view.py" line="32" />
            <source>No trained network yet: train one (or open a trained project) to see this.</source>
            <translation>还没有训练好的网络：先训练一个（或打开已训练的项目）再来看。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/live_model_view.py" line="33" />
            <source>Could not compute this view: {message}</source>
            <translation>无法计算此视图：{message}</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/multilabel_compare_view.py" line="39" />
            <source>&lt;b&gt;Multi-label: softmax or a sigmoid per label?&lt;/b&gt; Each digit gets four yes/no labels — {labels}. An 8 is even, ≥ 5 &lt;i&gt;and&lt;/i&gt; has a loop. Two copies of the same network learn them: one ends in softmax + cross-entropy, one in a sigmoid per label + binary cross-entropy. A label counts as “yes” when its output passes 0.5.</source>
            <translation>&lt;b&gt;多标签：用 softmax，还是每个标签一个 sigmoid？&lt;/b&gt;每个数字有四个是/否标签——{labels}。8 是偶数、≥ 5，&lt;i&gt;而且&lt;/i&gt;有闭合圈。同一个网络的两份拷贝学习这些标签：一份以 softmax + 交叉熵结尾，另一份以每个标签一个 sigmoid + 二元交叉熵结尾。输出超过 0.5 的标签算作“是”。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/multilabel_compare_view.py" line="74" />
            <source>Epochs for each of the two networks (6,000 training digits each)</source>
            <translation>两个网络各自的训练轮数（每个 6,000 个训练数字）</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/multilabel_compare_view.py" line="75" />
            <source>Train both</source>
            <translation>训练两者</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/multilabel_compare_view.py" line="76" />
            <source>Train the softmax and the sigmoid network, one after the other (about 10 s)</source>
            <translation>依次训练 softmax 网络和 sigmoid 网络（约 10 秒）</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/multilabel_compare_view.py" line="94" />
            <source>Press “Train both” to see it happen.</source>
            <translation>点击“训练两者”看看会发生什么。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/multilabel_compare_view.py" line="85" />
            <location filename="../../playground/ui/workspaces/runs/runs_panel.py" line="80" />
            <location filename="../../playground/ui/workspaces/train/training_panel.py" line="138" />
            <source>Epochs</source>
            <translation>轮数</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/multilabel_compare_view.py" line="135" />
            <source>Training the softmax network, then the sigmoid one…</source>
            <translation>正在训练 softmax 网络，然后是 sigmoid 网络…</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/multilabel_compare_view.py" line="158" />
            <source>Cancelled.</source>
            <translation>已取消。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/multilabel_compare_view.py" line="238" />
            <source>loop</source>
            <translation>闭合圈</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/multilabel_compare_view.py" line="195" />
            <source>&lt;span style='color:{colour}'&gt;■&lt;/span&gt; &lt;b&gt;{title}&lt;/b&gt;: F1 {f1:.2f} · exact match {exact:.0%} · per-label accuracy {accuracy:.0%}</source>
            <translation>&lt;span style='color:{colour}'&gt;■&lt;/span&gt; &lt;b&gt;{title}&lt;/b&gt;：F1 {f1:.2f} · 完全匹配率 {exact:.0%} · 逐标签准确率 {accuracy:.0%}</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/multilabel_compare_view.py" line="202" />
            <source>&lt;b&gt;{digit}&lt;/b&gt;: {labels}</source>
            <translation>&lt;b&gt;{digit}&lt;/b&gt;：{labels}</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/multilabel_compare_view.py" line="153" />
            <source>The comparison stopped: {message}</source>
            <translation>对比已停止：{message}</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/multilabel_compare_view.py" line="203" />
            <source>no label</source>
            <translation>无标签</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/multilabel_compare_view.py" line="208" />
            <source>{title}: {outputs}</source>
            <translation>{title}：{outputs}</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/multilabel_compare_view.py" line="211" />
            <source>Softmax outputs add up to {total:.2f}.</source>
            <translation>Softmax 的输出之和为 {total:.2f}。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/network_diagram.py" line="81" />
            <source>input</source>
            <translation>输入</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/network_diagram.py" line="396" />
            <source>No layers yet: add some in the layer stack.</source>
            <translation>还没有任何层：请在层堆叠中添加。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/network_diagram.py" line="584" />
            <source>weights:</source>
            <translation>权重：</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/network_diagram.py" line="586" />
            <source>positive</source>
            <translation>正</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/network_diagram.py" line="588" />
            <source>negative weight</source>
            <translation>负权重</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/network_diagram.py" line="589" />
            <source>· thicker = larger |w|</source>
            <translation>· 越粗 = |w| 越大</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/network_diagram.py" line="594" />
            <source>· large layers: a few units shown</source>
            <translation>· 大的层：只显示部分神经元</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/network_diagram.py" line="226" />
            <source>1 input</source>
            <translation>1 个输入</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/network_diagram.py" line="226" />
            <source>{count:,} inputs</source>
            <translation>{count:,} 个输入</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/network_diagram.py" line="321" />
            <source>{column}: {size} (showing {shown})</source>
            <translation>{column}：{size}（显示 {shown} 个）</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/network_diagram.py" line="592" />
            <source>no weights yet: train to see them</source>
            <translation>还没有权重：训练后即可看到</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/network_diagram.py" line="228" />
            <source>1 hidden unit</source>
            <translation>1 个隐藏神经元</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/network_diagram.py" line="228" />
            <source>{count:,} hidden units</source>
            <translation>{count:,} 个隐藏神经元</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/network_diagram.py" line="230" />
            <source>1 unit</source>
            <translation>1 个神经元</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/network_diagram.py" line="230" />
            <source>{count:,} units</source>
            <translation>{count:,} 个神经元</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/network_diagram.py" line="299" />
            <source>input {unit} of {count}: x_{unit} (a^[0]_{unit})</source>
            <translation>第 {unit} 个输入（共 {count} 个）：x_{unit}（a^[0]_{unit}）</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/network_diagram.py" line="329" />
            <source>input: {shape} — one image, a^[0]</source>
            <translation>输入：{shape}——一张图像，a^[0]</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/network_diagram.py" line="338" />
            <location filename="../../playground/ui/workspaces/inside/network_diagram.py" line="313" />
            <source>then {layers}</source>
            <translation>然后经过 {layers}</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/network_diagram.py" line="361" />
            <source>from {source} unit {column} to {target} unit {row}</source>
            <translation>从 {source} 的神经元 {column} 到 {target} 的神经元 {row}</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/network_diagram.py" line="548" />
            <source>+{count} layers
not checked</source>
            <translation>另有 {count} 层
未检查</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/network_diagram.py" line="549" />
            <source>+{count} layer
not checked</source>
            <translation>另有 {count} 层
未检查</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/network_diagram.py" line="577" />
            <source>Stops at the first error: {error}</source>
            <translation>在第一个错误处停止：{error}</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/network_diagram.py" line="206" />
            <source>reads {steps} rows</source>
            <translation>读取 {steps} 行</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/network_diagram.py" line="303" />
            <source>{layer} unit {unit} of {count}
bias b^[{i}]_{unit} = {bias:+.4f}  ({layer}.bias[{unit}])</source>
            <translation>{layer} 的神经元 {unit}（共 {count} 个）
偏置 b^[{i}]_{unit} = {bias:+.4f}  ({layer}.bias[{unit}])</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/network_diagram.py" line="336" />
            <source>weights from {low:+.3f} to {high:+.3f}</source>
            <translation>权重范围 {low:+.3f} 到 {high:+.3f}</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/network_diagram.py" line="368" />
            <source>{layer} weight W^[{i}][{row}, {column}]: no value yet
{where}</source>
            <translation>{layer} 的权重 W^[{i}][{row}, {column}]：还没有值
{where}</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/network_diagram.py" line="376" />
            <source>{layer} weight W^[{i}][{row}, {column}] = {value:+.4f}
{where}
({layer}.weight[{row}, {column}])</source>
            <translation>{layer} 的权重 W^[{i}][{row}, {column}] = {value:+.4f}
{where}
({layer}.weight[{row}, {column}])</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/network_diagram.py" line="307" />
            <source>{layer} unit {unit} of {count} (no weights yet)</source>
            <translation>{layer} 的神经元 {unit}（共 {count} 个）（还没有权重）</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/network_diagram.py" line="310" />
            <source>{layer} unit {unit} of {count}</source>
            <translation>{layer} 的神经元 {unit}（共 {count} 个）</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/network_input.py" line="23" />
            <source>What the network sees
28 × 28 pixels, as in MNIST</source>
            <translation>网络看到的图像
28 × 28 像素，与 MNIST 相同</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/network_input.py" line="31" />
            <source>The network never sees your drawing as you drew it: the ink is cropped, scaled into a 20×20 box and centred by its centre of mass in 28×28 pixels, white on black, the way the MNIST digits were made.</source>
            <translation>网络看到的并不是你画的原样：笔迹会被裁剪、缩放进 20×20 的方框，再按质心居中放到 28×28 像素中，黑底白字——MNIST 的数字就是这样制作的。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/network_input.py" line="34" />
            <source>Network input, 28 by 28 pixels</source>
            <translation>网络输入，28×28 像素</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/pool_output_view.py" line="29" />
            <source>This network has no pooling layer (MaxPool2d or AvgPool2d): add one after a convolution, or choose Presets ▸ Small LeNet-style CNN.</source>
            <translation>这个网络没有池化层（MaxPool2d 或 AvgPool2d）：在卷积层之后添加一个，或选择 预设 ▸ LeNet 风格的小型 CNN。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/pool_output_view.py" line="32" />
            <source>the logits z</source>
            <translation>logits z</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/pool_output_view.py" line="32" />
            <source>z − max z</source>
            <translation>z − max z</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/pool_output_view.py" line="32" />
            <source>the exponentials</source>
            <translation>指数</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/pool_output_view.py" line="32" />
            <source>their sum</source>
            <translation>它们的和</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/pool_output_view.py" line="33" />
            <source>the probabilities</source>
            <translation>概率</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/pool_output_view.py" line="33" />
            <source>the loss</source>
            <translation>损失</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/pool_output_view.py" line="44" />
            <source>The pooling layer to step through</source>
            <translation>要逐步计算的池化层</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/pool_output_view.py" line="46" />
            <source>channel = </source>
            <translation>通道 = </translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/pool_output_view.py" line="47" />
            <source>Pooling works on each channel on its own</source>
            <translation>池化对每个通道分别进行</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/pool_output_view.py" line="50" />
            <source>The layer's input; the red square is the window, the green cell the value max pooling keeps</source>
            <translation>该层的输入；红色方框是窗口，绿色格子是最大池化保留的值</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/pool_output_view.py" line="53" />
            <source>Click a cell to see its window</source>
            <translation>点击一个单元，查看它的窗口</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/pool_output_view.py" line="112" />
            <source>max pooling keeps the largest value</source>
            <translation>最大池化保留其中最大的值</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/pool_output_view.py" line="112" />
            <source>average pooling keeps the mean of the values</source>
            <translation>平均池化保留这些值的平均</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/pool_output_view.py" line="176" />
            <source>The label the loss is computed for: the right answer, as training has it</source>
            <translation>计算损失所用的标签：即训练时的正确答案</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/pool_output_view.py" line="221" />
            <source>torch.softmax, cross_entropy and the sigmoid on the same logits</source>
            <translation>在相同 logits 上与 torch.softmax、cross_entropy 和 sigmoid 对比</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/pool_output_view.py" line="135" />
            <source>Press Step or Play to move the window, or click an output cell.</source>
            <translation>按“下一步”或“播放”移动窗口，或点击一个输出单元。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/pool_output_view.py" line="114" />
            <source>{name}: a {k}×{k} window moved {s} at a time over each {h}×{w} map; {kind} under it, so the map becomes {oh}×{ow}. It has no weights to learn.</source>
            <translation>{name}：一个 {k}×{k} 的窗口在每张 {h}×{w} 的特征图上每次移动 {s}；{kind}，因此特征图变为 {oh}×{ow}。它没有要学习的权重。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/pool_output_view.py" line="148" />
            <source>max of the {n} values</source>
            <translation>{n} 个值的最大值</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/pool_output_view.py" line="148" />
            <source>mean of the {n} values</source>
            <translation>{n} 个值的平均值</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/pool_output_view.py" line="181" />
            <source>Loss for the label</source>
            <translation>损失所对应的标签</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/pool_output_view.py" line="269" />
            <source>&lt;p&gt;&lt;b&gt;A sigmoid per label&lt;/b&gt; (the σ(z) column, for multi-label): each σ(z&lt;sub&gt;j&lt;/sub&gt;) = 1 / (1 + e&lt;sup&gt;−z&lt;sub&gt;j&lt;/sub&gt;&lt;/sup&gt;) on its own, so they need not add up to 1 (here {total}) and several labels can be on at once (p ≥ 0.5: {predicted}). Its loss is the binary cross-entropy per label, averaged: {bce} for the target “{y} only”.&lt;/p&gt;</source>
            <translation>&lt;p&gt;&lt;b&gt;每个标签一个 sigmoid&lt;/b&gt;（σ(z) 列，用于多标签）：每个 σ(z&lt;sub&gt;j&lt;/sub&gt;) = 1 / (1 + e&lt;sup&gt;−z&lt;sub&gt;j&lt;/sub&gt;&lt;/sup&gt;) 各自独立，因此它们之和不必为 1（这里是 {total}），也可以同时有多个标签成立（p ≥ 0.5：{predicted}）。它的损失是每个标签的二元交叉熵取平均：对目标“只有 {y}”为 {bce}。&lt;/p&gt;</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/pool_output_view.py" line="107" />
            <source>window ({row}, {col})</source>
            <translation>窗口 ({row}, {col})</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/pool_output_view.py" line="129" />
            <source>input channel {c}</source>
            <translation>输入通道 {c}</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/pool_output_view.py" line="131" />
            <source>output {rows}×{cols}</source>
            <translation>输出 {rows}×{cols}</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/pool_output_view.py" line="153" />
            <source>&lt;p style='font-size:12pt'&gt;{rule} = &lt;b&gt;{value}&lt;/b&gt; &amp;nbsp; PyTorch: {torch}&lt;/p&gt;</source>
            <translation>&lt;p style='font-size:12pt'&gt;{rule} = &lt;b&gt;{value}&lt;/b&gt; &amp;nbsp; PyTorch：{torch}&lt;/p&gt;</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/pool_output_view.py" line="241" />
            <source>class</source>
            <translation>类别</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/pool_output_view.py" line="259" />
            <source>&lt;p style='font-size:12pt'&gt;Cross-entropy for the label {y}: L = −log p&lt;sub&gt;{y}&lt;/sub&gt; = log Σ − (z&lt;sub&gt;{y}&lt;/sub&gt; − max z) = {log_total} − ({shifted}) = &lt;b&gt;{loss}&lt;/b&gt;&lt;/p&gt;&lt;p&gt;The network answers {answer} with p = {p_answer}. The loss is small when p&lt;sub&gt;{y}&lt;/sub&gt; is near 1 and grows without bound as it nears 0.&lt;/p&gt;</source>
            <translation>&lt;p style='font-size:12pt'&gt;标签 {y} 的交叉熵：L = −log p&lt;sub&gt;{y}&lt;/sub&gt; = log Σ − (z&lt;sub&gt;{y}&lt;/sub&gt; − max z) = {log_total} − ({shifted}) = &lt;b&gt;{loss}&lt;/b&gt;&lt;/p&gt;&lt;p&gt;网络的回答是 {answer}，p = {p_answer}。p&lt;sub&gt;{y}&lt;/sub&gt; 接近 1 时损失很小，接近 0 时损失会无限增大。&lt;/p&gt;</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/pool_output_view.py" line="150" />
            <source>&lt;p&gt;&lt;b&gt;Window ({r}, {c})&lt;/b&gt; starts at row {top}, column {left}:&lt;/p&gt;</source>
            <translation>&lt;p&gt;&lt;b&gt;窗口 ({r}, {c})&lt;/b&gt; 从第 {top} 行、第 {left} 列开始：&lt;/p&gt;</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/pool_output_view.py" line="252" />
            <source>&lt;p&gt;max z = {shift}: subtracting it first keeps every e&lt;sup&gt;z&lt;/sup&gt; from overflowing and changes no probability. Now showing: &lt;b&gt;{stage}&lt;/b&gt;.&lt;/p&gt;</source>
            <translation>&lt;p&gt;max z = {shift}：先减去它可以防止 e&lt;sup&gt;z&lt;/sup&gt; 溢出，且不改变任何概率。当前显示：&lt;b&gt;{stage}&lt;/b&gt;。&lt;/p&gt;</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/prediction_bars.py" line="49" />
            <source>Network's answer</source>
            <translation>网络的答案</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/prediction_bars.py" line="114" />
            <source>The bars are the softmax output: one probability per class, summing to 100 %.</source>
            <translation>这些柱是 softmax 的输出：每个类别一个概率，总和为 100 %。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/prediction_bars.py" line="110" />
            <source>Guess {name}. {top3}</source>
            <translation>猜测：{name}。{top3}</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/prediction_bars.py" line="142" />
            <source>Network's guess
{percent} sure</source>
            <translation>网络的猜测
把握 {percent}</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/prediction_bars.py" line="144" />
            <source>Network's guess
{reason}</source>
            <translation>网络的猜测
{reason}</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/prediction_bars.py" line="107" />
            <source>No answer.</source>
            <translation>没有答案。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/prediction_bars.py" line="106" />
            <source>No answer. {reason}</source>
            <translation>没有答案。{reason}</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/projector_view.py" line="58" />
            <source>PCA of {layer} ({features} numbers per digit) for {count} test digits: across holds {first} of the variance, up {second}. It follows the training.</source>
            <translation>{count} 个测试数字在 {layer}（每个数字 {features} 个数）上的 PCA：横轴占方差的 {first}，纵轴占 {second}。它随训练实时更新。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/projector_view.py" line="60" />
            <source>t-SNE of {layer} for {count} test digits, with the weights of when you asked: neighbours mean something, distances between clusters little. Back to PCA to follow the training.</source>
            <translation>{count} 个测试数字在 {layer} 上的 t-SNE，使用的是你点击时的权重：邻近关系有意义，簇与簇之间的距离意义不大。返回 PCA 可继续跟随训练。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/projector_view.py" line="62" />
            <source>The projector needs the MNIST test digits: load the data first.</source>
            <translation>投影视图需要 MNIST 测试数字：请先加载数据。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/projector_view.py" line="63" />
            <source>Test digit #{index}
labelled {label}</source>
            <translation>测试数字 #{index}
标签为 {label}</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/projector_view.py" line="64" />
            <source>Point at a digit</source>
            <translation>指向一个数字</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/projector_view.py" line="114" />
            <source>The layer whose outputs are projected: early layers still sort digits by how they look, late ones by what they are.</source>
            <translation>要投影其输出的层：靠前的层仍按数字的外观来区分，靠后的层按数字是什么来区分。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/projector_view.py" line="116" />
            <source>t-SNE</source>
            <translation>t-SNE</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/projector_view.py" line="118" />
            <source>Stop the t-SNE run (the PCA picture stays).</source>
            <translation>停止 t-SNE 计算（保留 PCA 图）。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/projector_view.py" line="119" />
            <source>Back to PCA</source>
            <translation>返回 PCA</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/projector_view.py" line="120" />
            <source>Show the PCA picture again, which follows the training.</source>
            <translation>重新显示随训练更新的 PCA 图。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/projector_view.py" line="151" />
            <source>Hover over a point to see its digit; click it to put it on the canvas. The star is the digit you drew.</source>
            <translation>将鼠标悬停在点上可查看其数字；单击可把它放到画布上。星形是你画的数字。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/projector_view.py" line="197" />
            <source>your digit</source>
            <translation>你的数字</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/projector_view.py" line="351" />
            <source>Run t-SNE on this layer's outputs (takes seconds): it keeps neighbours together, so clusters stand apart more clearly than in PCA.</source>
            <translation>对该层的输出运行 t-SNE（需要几秒）：它让邻近的点保持在一起，因此各簇比在 PCA 中分得更清楚。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/saliency_view.py" line="35" />
            <source>Grad-CAM weighs the maps of a convolution layer: this network has none. Add a Conv2d layer (or pick the cnn preset) to use it.</source>
            <translation>Grad-CAM 要对卷积层的特征图加权，而这个网络没有卷积层。添加一个 Conv2d 层（或选择 cnn 预设）即可使用。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/saliency_view.py" line="37" />
            <source>the predicted digit</source>
            <translation>预测的数字</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/saliency_view.py" line="38" />
            <source>{method} for {digit}
(the prediction)</source>
            <translation>{method}：数字 {digit}
（预测结果）</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/saliency_view.py" line="39" />
            <source>{method} for {digit}
(predicted: {prediction})</source>
            <translation>{method}：数字 {digit}
（预测为：{prediction}）</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/saliency_view.py" line="40" />
            <source>Switch on to see
what it looks at</source>
            <translation>勾选后可看到
网络在看哪里</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/saliency_view.py" line="28" />
            <source>Gradient</source>
            <translation>梯度</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/saliency_view.py" line="28" />
            <source>How much the class's score changes when one pixel changes: |∂ score / ∂ pixel|. Quick, but speckled.</source>
            <translation>改变一个像素时该类别得分变化多少：|∂ 得分 / ∂ 像素|。计算快，但呈斑点状。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/saliency_view.py" line="30" />
            <source>SmoothGrad</source>
            <translation>SmoothGrad</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/saliency_view.py" line="30" />
            <source>The gradient averaged over 25 noisy copies of the digit: calmer, and closer to the strokes that matter.</source>
            <translation>对数字的 25 个加噪副本求梯度再取平均：更平滑，也更贴近真正起作用的笔画。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/saliency_view.py" line="32" />
            <source>Grad-CAM</source>
            <translation>Grad-CAM</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/saliency_view.py" line="32" />
            <source>The last convolution layer's maps, weighted by how much each raises the class's score: where in the image the evidence is (coarse).</source>
            <translation>最后一个卷积层的特征图，按各自对该类别得分的提升程度加权：证据位于图像的哪里（较粗略）。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/saliency_view.py" line="60" />
            <source>Show what it looks at</source>
            <translation>显示网络在看哪里</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/saliency_view.py" line="61" />
            <source>A saliency map over the digit: which pixels the network's answer depends on most. It follows the drawing and the training.</source>
            <translation>叠加在数字上的显著性图：网络的回答最依赖哪些像素。它随绘图和训练实时更新。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/saliency_view.py" line="64" />
            <source>Saliency method</source>
            <translation>显著性方法</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/saliency_view.py" line="69" />
            <source>Digit explained</source>
            <translation>要解释的数字</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/saliency_view.py" line="70" />
            <source>Which digit's score the map explains: the one the network predicts, or another you choose (where would it see a 3 in this digit?).</source>
            <translation>显著性图解释哪个数字的得分：网络预测的那个，或你选的另一个（它会在这个数字的哪里看到 3？）。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/saliency_view.py" line="76" />
            <source>The digit as the network sees it, with the map over it: the brighter (yellow), the more that pixel moves the score.</source>
            <translation>网络所见的数字，上面叠加显著性图：越亮（越黄），该像素对得分的影响越大。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/saliency_view.py" line="90" />
            <source>Method</source>
            <translation>方法</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/saliency_view.py" line="94" />
            <source>for</source>
            <translation>针对</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/step_through_panel.py" line="32" />
            <location filename="../../playground/ui/workspaces/train/layer_palette.py" line="27" />
            <source>Convolution</source>
            <translation>卷积</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/step_through_panel.py" line="32" />
            <location filename="../../playground/ui/workspaces/train/layer_palette.py" line="27" />
            <source>Pooling</source>
            <translation>池化</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/step_through_panel.py" line="32" />
            <source>Output and loss</source>
            <translation>输出与损失</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/step_through_panel.py" line="32" />
            <source>Backprop</source>
            <translation>反向传播</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/step_through_panel.py" line="34" />
            <source>A conv layer's output made cell by cell: the window, the k×k products, their sum and the bias; and a sandbox for the output size.</source>
            <translation>逐个单元算出卷积层的输出：窗口、k×k 个乘积、它们的和与偏置；另有输出尺寸的沙盒。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/step_through_panel.py" line="36" />
            <source>Max and average pooling: each window and the value it keeps.</source>
            <translation>最大池化与平均池化：每个窗口及其保留的值。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/step_through_panel.py" line="37" />
            <source>The logits, their exponentials, the sum, the probabilities and the cross-entropy; a sigmoid per label beside them.</source>
            <translation>logits、它们的指数、和、概率与交叉熵；旁边是每个标签一个 sigmoid。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/step_through_panel.py" line="39" />
            <source>The backward pass of a dense network: δ layer by layer, the gradients, and one update of a weight.</source>
            <translation>全连接网络的反向传播：逐层的 δ、梯度，以及对一个权重的一次更新。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/inside/step_through_panel.py" line="212" />
            <source>Step through: {message}</source>
            <translation>逐步计算：{message}</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/matrices/dense_product_view.py" line="36" />
            <source>No dense layer yet: build a network with a Linear layer (the window passes each one here), and its input, weights and output appear as a matrix product.</source>
            <translation>还没有全连接层：搭建一个含 Linear 层的网络（窗口会把每个 Linear 层传到这里），它的输入、权重和输出就会以矩阵乘积的形式显示出来。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/matrices/dense_product_view.py" line="81" />
            <source>The Linear layer to show</source>
            <translation>要显示的 Linear 层</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/matrices/dense_product_view.py" line="189" />
            <source>x · Wᵀ + b = z,   then   g(z) = a</source>
            <translation>x · Wᵀ + b = z，   然后   g(z) = a</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/matrices/dense_product_view.py" line="119" />
            <source>Layer:</source>
            <translation>层：</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/matrices/dense_product_view.py" line="194" />
            <source>W is {n_out}×{n_in}: row k holds the {n_in} weights into output k. The notes write z = W·a + b with a as a column; PyTorch holds one example as a row x, so it computes x·Wᵀ + b — the same numbers, transposed. Each z_k is row x times column k of Wᵀ: C[i][j] = A[i,:]·B[:,j] with A = x and B = Wᵀ.</source>
            <translation>W 是 {n_out}×{n_in}：第 k 行是连到输出 k 的 {n_in} 个权重。课程笔记写作 z = W·a + b，其中 a 是列向量；PyTorch 把一个样本存为行向量 x，所以计算的是 x·Wᵀ + b——数字相同，只是转置了。每个 z_k 都是行 x 乘以 Wᵀ 的第 k 列：即 C[i][j] = A[i,:]·B[:,j]，其中 A = x，B = Wᵀ。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/matrices/dense_product_view.py" line="199" />
            <source>&lt;b&gt;The first numbers&lt;/b&gt; (of {n_in} inputs and {n_out} outputs)</source>
            <translation>&lt;b&gt;前几个数&lt;/b&gt;（共 {n_in} 个输入、{n_out} 个输出）</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/matrices/dense_product_view.py" line="217" />
            <source>z₁ = x·W[1,:] + b₁ = (the sum of {n_in} products) {dot} + {bias} = {z}</source>
            <translation>z₁ = x·W[1,:] + b₁ = （{n_in} 个乘积之和）{dot} + {bias} = {z}</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/matrices/dense_product_view.py" line="245" />
            <source>the weight should be a matrix, not shape {shape}.</source>
            <translation>权重应当是矩阵，而不是形状 {shape}。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/matrices/dense_product_view.py" line="248" />
            <source>the input has {count} numbers but W is {rows}×{cols}: x·Wᵀ needs {cols}.</source>
            <translation>输入有 {count} 个数，但 W 是 {rows}×{cols}：x·Wᵀ 需要 {cols} 个。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/matrices/dense_product_view.py" line="252" />
            <source>b has {count} numbers but W has {rows} rows.</source>
            <translation>b 有 {count} 个数，但 W 有 {rows} 行。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/matrices/dense_product_view.py" line="193" />
            <source>No activation after {layer}: a = z, 1×{n_out}</source>
            <translation>{layer} 之后没有激活函数：a = z，1×{n_out}</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/matrices/dense_product_view.py" line="225" />
            <source>a above is the model's own output after {activation}.</source>
            <translation>上面的 a 是模型自己经过 {activation} 之后的输出。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/matrices/dense_product_view.py" line="231" />
            <source>✓ {activation}(x·Wᵀ + b) computed here equals the model's own output a (largest difference {diff:.2g}: the model computes in float32).</source>
            <translation>✓ 这里算出的 {activation}(x·Wᵀ + b) 等于模型自己的输出 a（最大差值 {diff:.2g}：模型用 float32 计算）。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/matrices/dense_product_view.py" line="236" />
            <source>✗ {activation}(x·Wᵀ + b) computed here differs from the model's output a by up to {diff:.3g}: the numbers may come from different moments of training.</source>
            <translation>✗ 这里算出的 {activation}(x·Wᵀ + b) 与模型的输出 a 最多相差 {diff:.3g}：这些数可能来自训练的不同时刻。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/matrices/matrix_display.py" line="216" />
            <source>Copy this code to the clipboard</source>
            <translation>把这段代码复制到剪贴板</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/matrices/matrix_display.py" line="248" />
            <source>copied</source>
            <translation>已复制</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/matrices/matrix_editor.py" line="45" />
            <source>A vector becomes one row (1×n), the way PyTorch holds one example (x @ W.T + b); the transpose turns it into a column.</source>
            <translation>向量会变成一行（1×n），就像 PyTorch 存放一个样本那样（x @ W.T + b）；转置会把它变成一列。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/matrices/matrix_editor.py" line="39" />
            <source>Random integers (−5 … 5)</source>
            <translation>随机整数（−5 … 5）</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/matrices/matrix_editor.py" line="40" />
            <source>Random decimals (−1 … 1)</source>
            <translation>随机小数（−1 … 1）</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/matrices/matrix_editor.py" line="41" />
            <source>Integers 1, 2, 3, … (row by row)</source>
            <translation>整数 1, 2, 3, …（逐行）</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/matrices/matrix_editor.py" line="42" />
            <source>Identity (1 on the diagonal, 0 elsewhere)</source>
            <translation>单位矩阵（对角线为 1，其余为 0）</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/matrices/matrix_editor.py" line="43" />
            <source>Zeros</source>
            <translation>全零</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/matrices/matrix_editor.py" line="212" />
            <source>Paste</source>
            <translation>粘贴</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/matrices/matrix_editor.py" line="216" />
            <source>Fill ▾</source>
            <translation>填充 ▾</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/matrices/matrix_editor.py" line="225" />
            <source>From model ▾</source>
            <translation>来自模型 ▾</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/matrices/matrix_editor.py" line="450" />
            <source>No model yet: build or train a network first</source>
            <translation>还没有模型：请先搭建或训练一个网络</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/matrices/matrix_editor.py" line="603" />
            <source>From {name}: {what}.</source>
            <translation>来自 {name}：{what}。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/matrices/matrix_editor.py" line="610" />
            <source>rows 1–{side} of {count}</source>
            <translation>共 {count} 行中的第 1–{side} 行</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/matrices/matrix_editor.py" line="611" />
            <source>columns 1–{side} of {count}</source>
            <translation>共 {count} 列中的第 1–{side} 列</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/matrices/matrix_editor.py" line="613" />
            <source>showing {rows}, {columns}</source>
            <translation>显示{rows}、{columns}</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/matrices/matrix_editor.py" line="617" />
            <source>showing {rows}</source>
            <translation>显示{rows}</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/matrices/matrix_editor.py" line="618" />
            <source>showing {rows} (all {count} columns)</source>
            <translation>显示{rows}（全部 {count} 列）</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/matrices/matrix_editor.py" line="278" />
            <source>Number of rows of {name} (1 to {max})</source>
            <translation>{name} 的行数（1 到 {max}）</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/matrices/matrix_editor.py" line="279" />
            <source>{name} rows</source>
            <translation>{name} 的行数</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/matrices/matrix_editor.py" line="280" />
            <source>Number of columns of {name} (1 to {max})</source>
            <translation>{name} 的列数（1 到 {max}）</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/matrices/matrix_editor.py" line="281" />
            <source>{name} columns</source>
            <translation>{name} 的列数</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/matrices/matrix_editor.py" line="282" />
            <source>Replace {name} with a matrix from the clipboard: CSV, numbers separated by spaces (one row a line) or a list such as [[1, 2], [3, 4]]. Ctrl+V on the grid does the same.</source>
            <translation>用剪贴板中的矩阵替换 {name}：可以是 CSV、用空格分隔的数字（每一行文字对应矩阵的一行），或 [[1, 2], [3, 4]] 这样的列表。在表格上按 Ctrl+V 效果相同。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/matrices/matrix_editor.py" line="285" />
            <source>Copy {name} to the clipboard, one row a line (Ctrl+C on the grid copies the selected cells)</source>
            <translation>把 {name} 复制到剪贴板，每一行文字对应矩阵的一行（在表格上按 Ctrl+C 复制选中的单元格）</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/matrices/matrix_editor.py" line="287" />
            <source>Fill {name} with random numbers, counting integers, the identity or zeros</source>
            <translation>用随机数、递增整数、单位矩阵或全零填充 {name}</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/matrices/matrix_editor.py" line="290" />
            <source>Load a weight matrix, a bias, an input or an activation of the current model into {name}; larger than {side}×{side} shows its top-left block. {vector_note}</source>
            <translation>把当前模型的权重矩阵、偏置、输入或激活值载入 {name}；大于 {side}×{side} 时只显示左上角的一块。{vector_note}</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/matrices/matrix_editor.py" line="366" />
            <source>Resize {name} to {rows}×{cols}</source>
            <translation>把 {name} 改为 {rows}×{cols}</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/matrices/matrix_editor.py" line="378" />
            <source>Paste into {name}</source>
            <translation>粘贴到 {name}</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/matrices/matrix_editor.py" line="422" />
            <source>Clear cells of {name}</source>
            <translation>清除 {name} 的单元格</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/matrices/matrix_editor.py" line="442" />
            <source>Fill {name}: {fill}</source>
            <translation>填充 {name}：{fill}</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/matrices/matrix_editor.py" line="470" />
            <source>Load {source} into {name}</source>
            <translation>把 {source} 载入 {name}</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/matrices/matrix_editor.py" line="491" />
            <source>Edit {name}[{row}][{col}]</source>
            <translation>编辑 {name}[{row}][{col}]</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/matrices/matrix_editor.py" line="602" />
            <source>From {name}.</source>
            <translation>来自 {name}。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/matrices/matrix_editor.py" line="615" />
            <source>showing {columns}</source>
            <translation>显示{columns}</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/matrices/matrix_editor.py" line="616" />
            <source>showing {columns} (all {count} rows)</source>
            <translation>显示{columns}（全部 {count} 行）</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/matrices/matrix_editor.py" line="343" />
            <source>Set {name}</source>
            <translation>设置 {name}</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/matrices/matrix_editor.py" line="440" />
            <source>The identity is square; this {rows}×{cols} matrix has 1s on its diagonal only.</source>
            <translation>单位矩阵是方阵；这个 {rows}×{cols} 矩阵只是对角线上为 1。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/matrices/matrix_editor.py" line="577" />
            <source>{name} is empty: nothing to load.</source>
            <translation>{name} 是空的：没有可载入的内容。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/matrices/matrix_editor.py" line="579" />
            <source>{name} does not hold real numbers.</source>
            <translation>{name} 中存放的不是实数。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/matrices/matrix_editor.py" line="462" />
            <source>{name} is no longer in the model.</source>
            <translation>模型中已经没有 {name} 了。</translation>
        </message>
        <message numerus="yes">
            <location filename="../../playground/ui/workspaces/matrices/matrix_editor.py" line="559" />
            <source>{error} (and %n more cells)</source>
            <translation>
                <numerusform>{error}（另有 %n 个单元格有误）</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/matrices/matrix_editor.py" line="586" />
            <source>a vector of {count}, shown as one row as PyTorch holds one example</source>
            <translation>长度为 {count} 的向量，像 PyTorch 存放一个样本那样显示为一行</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/matrices/matrix_editor.py" line="376" />
            <source>Nothing pasted: {reason}</source>
            <translation>未粘贴任何内容：{reason}</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/matrices/matrix_editor.py" line="593" />
            <source>a {shape} tensor; its first matrix [{index}] is {first}</source>
            <translation>一个 {shape} 的张量；它的第一个矩阵 [{index}] 是 {first}</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/matrices/matrix_laws_view.py" line="31" />
            <source>Not commutative</source>
            <translation>不满足交换律</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/matrices/matrix_laws_view.py" line="33" />
            <source>Transpose of a product</source>
            <translation>乘积的转置</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/matrices/matrix_laws_view.py" line="35" />
            <source>Associative</source>
            <translation>结合律</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/matrices/matrix_laws_view.py" line="37" />
            <source>Distributive</source>
            <translation>分配律</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/matrices/matrix_laws_view.py" line="31" />
            <source>the order matters: in general AB ≠ BA (equal only in special cases, such as B = A or B = I)</source>
            <translation>顺序很重要：一般来说 AB ≠ BA（只在特殊情况下相等，例如 B = A 或 B = I）</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/matrices/matrix_laws_view.py" line="33" />
            <source>transposing a product reverses the order</source>
            <translation>对乘积转置会把相乘的顺序反过来</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/matrices/matrix_laws_view.py" line="35" />
            <source>where the brackets go does not matter (the order does)</source>
            <translation>括号加在哪里无关紧要（顺序才要紧）</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/matrices/matrix_laws_view.py" line="37" />
            <source>multiplying a sum is the sum of the products</source>
            <translation>乘以一个和，等于各个乘积之和</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/matrices/matrix_laws_view.py" line="73" />
            <source>Use a third matrix C (for the associative and distributive laws)</source>
            <translation>使用第三个矩阵 C（用于结合律和分配律）</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/matrices/matrix_laws_view.py" line="74" />
            <source>Shows the editor for C next to A and B. A(BC) needs C with as many rows as B has columns; A(B+C) needs C the same shape as B; both hold when B is square.</source>
            <translation>在 A 和 B 旁边显示 C 的编辑器。A(BC) 要求 C 的行数等于 B 的列数；A(B+C) 要求 C 与 B 形状相同；B 是方阵时两个条件可以同时满足。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/matrices/matrix_laws_view.py" line="93" />
            <source>show</source>
            <translation>显示</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/matrices/matrix_laws_view.py" line="94" />
            <source>Show both sides below</source>
            <translation>在下方显示等式两边</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/matrices/matrix_laws_view.py" line="178" />
            <source>needs C: tick “Use a third matrix C” above.</source>
            <translation>需要 C：请勾选上方的“使用第三个矩阵 C”。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/matrices/matrix_laws_view.py" line="137" />
            <source>{law}: {meaning}</source>
            <translation>{law}：{meaning}</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/matrices/matrix_laws_view.py" line="188" />
            <source>{check} The order matters: matrix multiplication is not commutative.</source>
            <translation>{check}顺序很重要：矩阵乘法不满足交换律。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/matrices/matrix_operations_view.py" line="17" />
            <source>Adds entry by entry: (A+B)[i][j] = A[i][j] + B[i][j]. A and B need the same shape.</source>
            <translation>逐元素相加：(A+B)[i][j] = A[i][j] + B[i][j]。A 和 B 的形状必须相同。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/matrices/matrix_operations_view.py" line="18" />
            <source>Multiplies every entry of A by the number k: (kA)[i][j] = k·A[i][j].</source>
            <translation>把 A 的每个元素乘以数 k：(kA)[i][j] = k·A[i][j]。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/matrices/matrix_operations_view.py" line="19" />
            <source>The element-wise (Hadamard) product: (A⊙B)[i][j] = A[i][j]·B[i][j], same shape needed. Not the matrix product A·B: in PyTorch it is A * B, while A·B is A @ B.</source>
            <translation>逐元素（Hadamard）乘积：(A⊙B)[i][j] = A[i][j]·B[i][j]，需要形状相同。它不是矩阵乘积 A·B：在 PyTorch 中它写作 A * B，而 A·B 写作 A @ B。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/matrices/matrix_operations_view.py" line="21" />
            <source>Swaps rows and columns: row i of A becomes column i of Aᵀ, so Aᵀ[i][j] = A[j][i].</source>
            <translation>交换行和列：A 的第 i 行变成 Aᵀ 的第 i 列，所以 Aᵀ[i][j] = A[j][i]。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/matrices/matrix_operations_view.py" line="23" />
            <source>Swaps rows and columns: row i of B becomes column i of Bᵀ, so Bᵀ[i][j] = B[j][i].</source>
            <translation>交换行和列：B 的第 i 行变成 Bᵀ 的第 i 列，所以 Bᵀ[i][j] = B[j][i]。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/matrices/matrix_operations_view.py" line="54" />
            <source>The number k: 2, -0.5, 1/3 or pi</source>
            <translation>数 k：例如 2、-0.5、1/3 或 pi</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/matrices/matrix_operations_view.py" line="117" />
            <source>{name} is missing.</source>
            <translation>缺少 {name}。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/matrices/matrix_panel.py" line="108" />
            <source>Type in a cell, paste a matrix (Ctrl+V) or load one from the model. Ctrl+Z on a grid undoes.</source>
            <translation>在单元格中输入数字、粘贴矩阵（Ctrl+V）或从模型载入矩阵。在表格上按 Ctrl+Z 可撤销。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/matrices/matrix_panel.py" line="79" />
            <source>A·B step by step</source>
            <translation>A·B 逐步计算</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/matrices/matrix_panel.py" line="80" />
            <source>C[i][j] = A[i,:]·B[:,j]: the matrix product one cell at a time</source>
            <translation>C[i][j] = A[i,:]·B[:,j]：一格一格地计算矩阵乘积</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/matrices/matrix_panel.py" line="81" />
            <source>Entry-by-entry operations and the transpose</source>
            <translation>逐元素运算与转置</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/matrices/matrix_panel.py" line="82" />
            <source>Laws</source>
            <translation>运算律</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/matrices/matrix_panel.py" line="83" />
            <source>AB vs BA, (AB)ᵀ = BᵀAᵀ, A(BC) = (AB)C, A(B+C) = AB + AC on these numbers</source>
            <translation>用这些数检验 AB 与 BA、(AB)ᵀ = BᵀAᵀ、A(BC) = (AB)C、A(B+C) = AB + AC</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/matrices/matrix_panel.py" line="84" />
            <source>Tensors (rank 0–3)</source>
            <translation>张量（0–3 阶）</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/matrices/matrix_panel.py" line="85" />
            <source>Scalar, vector, matrix and a stack of matrices in PyTorch</source>
            <translation>PyTorch 中的标量、向量、矩阵和一叠矩阵</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/matrices/matrix_panel.py" line="86" />
            <source>Dense layer = x·Wᵀ + b</source>
            <translation>全连接层 = x·Wᵀ + b</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/matrices/matrix_panel.py" line="86" />
            <source>A Linear layer of the model as a matrix product</source>
            <translation>把模型的一个 Linear 层写成矩阵乘积</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/matrices/matrix_panel.py" line="153" />
            <source>fix {name} first: {error}</source>
            <translation>请先修正 {name}：{error}</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/matrices/matrix_stepper.py" line="22" />
            <source>Press Step or Play to fill A·B one cell at a time, or click a cell of the result to see how it is made.</source>
            <translation>按“下一步”或“播放”一格一格地填出 A·B，或者点击结果中的某个单元格，看看它是怎么算出来的。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/matrices/matrix_stepper.py" line="24" />
            <source>The previous cell</source>
            <translation>上一个单元格</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/matrices/matrix_stepper.py" line="24" />
            <source>The next cell (row by row)</source>
            <translation>下一个单元格（逐行）</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/matrices/matrix_stepper.py" line="25" />
            <source>Fill the product cell after cell at the chosen speed</source>
            <translation>按所选的速度逐格填出乘积</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/matrices/matrix_stepper.py" line="26" />
            <source>Stop stepping and show the whole product</source>
            <translation>停止逐步计算，显示完整的乘积</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/matrices/matrix_stepper.py" line="26" />
            <source>How fast Play moves from cell to cell</source>
            <translation>“播放”从一格移到下一格的速度</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/matrices/matrix_stepper.py" line="33" />
            <source>A is {n}×{k} and B is {k}×{m}: A's {k} column match B's {k} row, so A·B is {n}×{m} (A's rows by B's columns). Entry C[i][j] = A[i,:]·B[:,j]: row i of A times column j of B.</source>
            <translation>A 是 {n}×{k}，B 是 {k}×{m}：A 的 {k} 列与 B 的 {k} 行相对应，所以 A·B 是 {n}×{m}（A 的行数 × B 的列数）。元素 C[i][j] = A[i,:]·B[:,j]：A 的第 i 行乘以 B 的第 j 列。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/matrices/matrix_stepper.py" line="36" />
            <source>A is {n}×{k} and B is {k}×{m}: A's {k} columns match B's {k} rows, so A·B is {n}×{m} (A's rows by B's columns). Entry C[i][j] = A[i,:]·B[:,j]: row i of A times column j of B.</source>
            <translation>A 是 {n}×{k}，B 是 {k}×{m}：A 的 {k} 列与 B 的 {k} 行相对应，所以 A·B 是 {n}×{m}（A 的行数 × B 的列数）。元素 C[i][j] = A[i,:]·B[:,j]：A 的第 i 行乘以 B 的第 j 列。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/matrices/matrix_stepper.py" line="43" />
            <source>row i of A</source>
            <translation>A 的第 i 行</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/matrices/matrix_stepper.py" line="44" />
            <source>column j of B</source>
            <translation>B 的第 j 列</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/matrices/matrix_stepper.py" line="95" />
            <source>Click a cell to see how it is computed</source>
            <translation>点击一个单元格，查看它是如何算出来的</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/matrices/matrix_stepper.py" line="64" />
            <source>cell {number} of {count}: C[{row}][{col}]</source>
            <translation>第 {number} 格，共 {count} 格：C[{row}][{col}]</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/matrices/matrix_stepper.py" line="62" />
            <source>{count} cells</source>
            <translation>{count} 个单元格</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/matrices/matrix_stepper.py" line="142" />
            <source>A or B is missing.</source>
            <translation>缺少 A 或 B。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/matrices/matrix_stepper.py" line="235" />
            <source>Row {row} of A and column {col} of B each hold {n} numbers: multiply them in pairs, then add the {n} products.</source>
            <translation>A 的第 {row} 行和 B 的第 {col} 列各有 {n} 个数：把它们两两相乘，再把这 {n} 个乘积相加。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/matrices/matrix_stepper.py" line="237" />
            <source>Row {row} of A and column {col} of B hold one number each: C[{row}][{col}] is their product.</source>
            <translation>A 的第 {row} 行和 B 的第 {col} 列各只有一个数：C[{row}][{col}] 就是它们的乘积。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/matrices/tensor_ranks_view.py" line="17" />
            <source>one bead: a single value</source>
            <translation>一颗珠子：单个值</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/matrices/tensor_ranks_view.py" line="18" />
            <source>beads on a line: a 1-D array</source>
            <translation>串成一行的珠子：一维数组</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/matrices/tensor_ranks_view.py" line="19" />
            <source>a table of beads, in rows and columns: a 2-D array</source>
            <translation>按行和列排成一张表的珠子：二维数组</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/matrices/tensor_ranks_view.py" line="20" />
            <source>a cube of beads: several tables stacked</source>
            <translation>珠子组成的立方体：几张表叠在一起</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/matrices/tensor_ranks_view.py" line="102" />
            <source>PyTorch keeps all data as tensors. The rank is the number of indices a value needs; the shape lists the size along each.</source>
            <translation>PyTorch 把所有数据都存为张量。阶是确定一个值所需的索引个数；形状列出每个维度上的大小。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/matrices/tensor_ranks_view.py" line="90" />
            <source>&lt;b&gt;Rank {rank} — {name}&lt;/b&gt;</source>
            <translation>&lt;b&gt;{rank} 阶 — {name}&lt;/b&gt;</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/matrices/tensor_ranks_view.py" line="93" />
            <source>{meaning}.</source>
            <translation>{meaning}。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/matrices/tensor_ranks_view.py" line="137" />
            <source>Your {name} is a {matrix}; one row, {name}[0], is a {row}; one entry, {name}[0, 0], is a {entry}; torch.stack([{name}, {name}]) would be a {stack}.</source>
            <translation>你的 {name} 是{matrix}；它的一行 {name}[0] 是{row}；它的一个元素 {name}[0, 0] 是{entry}；torch.stack([{name}, {name}]) 则是{stack}。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/matrices/tensor_ranks_view.py" line="135" />
            <source>Your {name}: fix its cells to see its rank and shape.</source>
            <translation>你的 {name}：请先修正它的单元格，才能看到它的阶和形状。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/playground/boundary_view.py" line="252" />
            <source>training points: white rim, test points: black rim</source>
            <translation>训练点：白色边框，测试点：黑色边框</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/playground/boundary_view.py" line="256" />
            <source>pale = unsure</source>
            <translation>浅色 = 不确定</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/playground/boundary_view.py" line="256" />
            <source>white = 50 : 50</source>
            <translation>白色 = 50 : 50</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/playground/boundary_view.py" line="257" />
            <source> &amp;nbsp;· background: the network's answer ({shade}); {rims}</source>
            <translation> &amp;nbsp;· 背景：网络的回答（{shade}）；{rims}</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/playground/boundary_view.py" line="260" />
            <source>grey points: data (white rim: training, black rim: test); &lt;span style='color:{colour}'&gt;&lt;b&gt;line&lt;/b&gt;&lt;/span&gt;: the network's prediction</source>
            <translation>灰色点：数据（白色边框：训练，黑色边框：测试）；&lt;span style='color:{colour}'&gt;&lt;b&gt;曲线&lt;/b&gt;&lt;/span&gt;：网络的预测</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/playground/boundary_view.py" line="264" />
            <source>{low} low &amp;nbsp;{high} high height (±{scale:.2g}) · background: the predicted height; {rims}</source>
            <translation>{low} 低 &amp;nbsp;{high} 高（±{scale:.2g}） · 背景：预测的高度；{rims}</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/playground/boundary_view.py" line="255" />
            <source>class {k}</source>
            <translation>类别 {k}</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/playground/playground_network.py" line="93" />
            <location filename="../../playground/ui/workspaces/playground/playground_panel.py" line="688" />
            <source>building the network…</source>
            <translation>正在构建网络…</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/playground/playground_network.py" line="324" />
            <source>Weight W^[{layer}][{row}, {column}] (no weights yet)
{name}.weight[{row}, {column}]: from {source} to {target}</source>
            <translation>权重 W^[{layer}][{row}, {column}]（尚无权重）
{name}.weight[{row}, {column}]：从 {source} 到 {target}</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/playground/playground_network.py" line="327" />
            <source>Weight W^[{layer}][{row}, {column}] = {value:+.4f}
{name}.weight[{row}, {column}]: from {source} to {target}</source>
            <translation>权重 W^[{layer}][{row}, {column}] = {value:+.4f}
{name}.weight[{row}, {column}]：从 {source} 到 {target}</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/playground/playground_network.py" line="335" />
            <source>{layer} unit {unit}</source>
            <translation>{layer} 的单元 {unit}</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/playground/playground_network.py" line="381" />
            <source>(shown large beside the network while the pointer is here)</source>
            <translation>（指针停在这里时，它的图像会放大显示在网络旁边）</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/playground/playground_network.py" line="411" />
            <source>Features</source>
            <translation>特征</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/playground/playground_network.py" line="334" />
            <source>input {feature}</source>
            <translation>输入 {feature}</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/playground/playground_network.py" line="413" />
            <location filename="../../playground/ui/workspaces/playground/playground_panel.py" line="274" />
            <source>Output</source>
            <translation>输出</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/playground/playground_network.py" line="135" />
            <source>One neuron fewer in hidden layer {layer}</source>
            <translation>隐藏层 {layer} 减少一个神经元</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/playground/playground_network.py" line="136" />
            <source>One neuron more in hidden layer {layer} (at most {most})</source>
            <translation>隐藏层 {layer} 增加一个神经元（最多 {most} 个）</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/playground/playground_network.py" line="349" />
            <source>Input {label}: the feature {name} at every point of the plane</source>
            <translation>输入 {label}：平面上每一点的特征 {name}</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/playground/playground_network.py" line="358" />
            <source>Output: {name} unit {unit} of {units}</source>
            <translation>输出：{name} 的第 {unit} 个单元（共 {units} 个）</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/playground/playground_network.py" line="361" />
            <source>Hidden layer {layer}: {name} unit {unit} of {units}</source>
            <translation>隐藏层 {layer}：{name} 的第 {unit} 个单元（共 {units} 个）</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/playground/playground_network.py" line="366" />
            <source>a = {activation} of z, z = W^[{layer}][{unit}, :]·a_prev + b^[{layer}][{unit}]</source>
            <translation>a = {activation}(z)，z = W^[{layer}][{unit}, :]·a_prev + b^[{layer}][{unit}]</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/playground/playground_network.py" line="352" />
            <source>from {low:+.2f} to {high:+.2f}</source>
            <translation>从 {low:+.2f} 到 {high:+.2f}</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/playground/playground_network.py" line="372" />
            <source>bias b^[{layer}][{unit}] = {value:+.4f}</source>
            <translation>偏置 b^[{layer}][{unit}] = {value:+.4f}</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/playground/playground_network.py" line="376" />
            <source>output along x: {low:+.3f} … {high:+.3f}</source>
            <translation>沿 x 的输出：{low:+.3f} … {high:+.3f}</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/playground/playground_network.py" line="379" />
            <source>output over the plane: {low:+.3f} … {high:+.3f}</source>
            <translation>平面上的输出：{low:+.3f} … {high:+.3f}</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/playground/playground_network.py" line="415" />
            <source>{n} neuron</source>
            <translation>{n} 个神经元</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/playground/playground_network.py" line="415" />
            <source>{n} neurons</source>
            <translation>{n} 个神经元</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/playground/playground_panel.py" line="97" />
            <source>Train until Pause: one epoch after another over the training points.</source>
            <translation>一直训练到按下暂停：在训练点上一轮接一轮地训练。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/playground/playground_panel.py" line="85" />
            <source>Classification</source>
            <translation>分类</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/playground/playground_panel.py" line="85" />
            <source>Regression: y = f(x)</source>
            <translation>回归：y = f(x)</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/playground/playground_panel.py" line="86" />
            <source>Regression: height over the plane</source>
            <translation>回归：平面上的高度</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/playground/playground_panel.py" line="95" />
            <source>Auto</source>
            <translation>自动</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/playground/playground_panel.py" line="95" />
            <source>None (linear)</source>
            <translation>无（线性）</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/playground/playground_panel.py" line="154" />
            <source>▶ Train</source>
            <translation>▶ 训练</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/playground/playground_panel.py" line="156" />
            <source>❚❚ Pause</source>
            <translation>❚❚ 暂停</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/playground/playground_panel.py" line="157" />
            <source>Stop after the current batch; the weights stay as they are.</source>
            <translation>在当前批次结束后停止；权重保持不变。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/playground/playground_panel.py" line="159" />
            <source>Train one epoch (the rest of the current one after a pause), then stop.</source>
            <translation>训练一轮（暂停后则训练完当前这一轮剩下的部分），然后停止。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/playground/playground_panel.py" line="161" />
            <source>New random weights from the seed and an empty loss curve; the data stay.</source>
            <translation>根据随机种子重新生成随机权重并清空损失曲线；数据保持不变。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/playground/playground_panel.py" line="166" />
            <source>Epochs trained: one epoch is one pass over every training point.</source>
            <translation>已训练的轮数：一轮就是把每个训练点都过一遍。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/playground/playground_panel.py" line="180" />
            <source>Classification: colour each point by its class. Regression: predict a number — y for a function of x, or a height over the plane.</source>
            <translation>分类：按类别给每个点上色。回归：预测一个数——x 的函数值 y，或平面上的高度。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/playground/playground_panel.py" line="183" />
            <source>The pattern the points follow. XOR and the spiral are not separable by a straight line: they need hidden units or the right features.</source>
            <translation>这些点遵循的图案。XOR 和螺旋无法用一条直线分开：需要隐藏单元或合适的特征。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/playground/playground_panel.py" line="187" />
            <source>How many classes (Gaussian clusters and spirals only). Two classes train with a Sigmoid and binary cross-entropy; more with softmax and cross-entropy.</source>
            <translation>类别数（仅限高斯簇和螺旋）。两个类别时用 Sigmoid 和二元交叉熵训练；更多类别时用 softmax 和交叉熵。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/playground/playground_panel.py" line="189" />
            <source>How much random jitter is added to every point: noisy data tempt the network to learn the noise (over-fitting).</source>
            <translation>给每个点加入多少随机扰动：带噪声的数据会诱使网络去学习噪声（过拟合）。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/playground/playground_panel.py" line="191" />
            <source>The share of the points used for training; the rest are test points, which the network never trains on.</source>
            <translation>用于训练的点所占的比例；其余是测试点，网络从不在它们上面训练。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/playground/playground_panel.py" line="198" />
            <source>Number of points, training and test together.</source>
            <translation>点数，训练点和测试点合计。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/playground/playground_panel.py" line="202" />
            <source>One seed makes the points, their train/test split, the first weights and the order of the batches: the same seed gives the same run.</source>
            <translation>一个随机种子决定这些点、训练/测试的划分、初始权重和批次的顺序：相同的种子得到相同的运行。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/playground/playground_panel.py" line="204" />
            <source>Regenerate</source>
            <translation>重新生成</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/playground/playground_panel.py" line="205" />
            <source>Make the points again from these settings (the same seed gives the same points) and start the network afresh.</source>
            <translation>按这些设置重新生成点（相同的种子得到相同的点），并让网络从头开始。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/playground/playground_panel.py" line="210" />
            <location filename="../../playground/ui/workspaces/train/training_panel.py" line="135" />
            <source>Data</source>
            <translation>数据</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/playground/playground_panel.py" line="213" />
            <source>Data set</source>
            <translation>数据集</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/playground/playground_panel.py" line="214" />
            <source>Classes</source>
            <translation>类别数</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/playground/playground_panel.py" line="215" />
            <source>Noise</source>
            <translation>噪声</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/playground/playground_panel.py" line="218" />
            <location filename="../../playground/ui/workspaces/train/training_panel.py" line="143" />
            <source>Seed</source>
            <translation>随机种子</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/playground/playground_panel.py" line="222" />
            <source>Input features</source>
            <translation>输入特征</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/playground/playground_panel.py" line="223" />
            <source>What the network is given for each point. With x₁x₂ a single unit can solve XOR; with x₁² and x₂² a circle. Without them, hidden layers must build those shapes.</source>
            <translation>网络对每个点得到的输入。有了 x₁x₂，一个单元就能解决 XOR；有了 x₁² 和 x₂²，就能解决圆形。没有它们时，隐藏层必须自己构造出这些形状。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/playground/playground_panel.py" line="239" />
            <source>g(z) of every hidden unit. Without a non-linear one (Linear), any number of layers still draws only straight boundaries.</source>
            <translation>每个隐藏单元的 g(z)。如果不是非线性的（Linear），无论多少层都只能画出直线边界。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/playground/playground_panel.py" line="244" />
            <source>The last layer's activation. Auto follows the task: Sigmoid for two classes (binary cross-entropy), none for more classes (cross-entropy applies the softmax) and for regression. ReLU suits targets that cannot be negative.</source>
            <translation>最后一层的激活函数。“自动”随任务而定：两个类别用 Sigmoid（二元交叉熵），更多类别（交叉熵会应用 softmax）和回归则不用。ReLU 适合不能为负的目标值。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/playground/playground_panel.py" line="251" />
            <source>How big a step gradient descent takes. Too small: slow. Too large: the loss jumps about or blows up. Arrows step 1–2–5 per decade.</source>
            <translation>梯度下降每一步迈多大。太小：慢。太大：损失来回跳动甚至爆炸。箭头按每个数量级 1–2–5 的步进调整。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/playground/playground_panel.py" line="255" />
            <source>Points per gradient step. Small batches: many noisy steps per epoch; large batches: few smooth ones.</source>
            <translation>每个梯度步使用的点数。小批次：每轮有许多带噪声的步；大批次：步数少而平稳。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/playground/playground_panel.py" line="260" />
            <source>How the gradient becomes a step. TensorFlow Playground uses plain SGD; Adam adapts the step per weight and usually learns faster.</source>
            <translation>梯度如何变成一步更新。TensorFlow Playground 使用普通 SGD；Adam 为每个权重调整步长，通常学得更快。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/playground/playground_panel.py" line="265" />
            <source>A penalty on large weights added to the loss: L2 keeps all weights small, L1 drives unneeded ones to exactly 0. Both fight over-fitting.</source>
            <translation>加到损失上的对大权重的惩罚：L2 让所有权重保持较小，L1 把不需要的权重压到正好为 0。两者都能对抗过拟合。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/playground/playground_panel.py" line="270" />
            <source>How strongly the penalty counts against the data's loss.</source>
            <translation>惩罚项相对于数据损失的权重有多大。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/playground/playground_panel.py" line="271" />
            <location filename="../../playground/ui/workspaces/train/training_panel.py" line="132" />
            <source>Network</source>
            <translation>网络</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/playground/playground_panel.py" line="273" />
            <location filename="../../playground/ui/workspaces/train/layer_palette.py" line="28" />
            <source>Activation</source>
            <translation>激活函数</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/playground/playground_panel.py" line="277" />
            <location filename="../../playground/ui/workspaces/runs/sweep_panel.py" line="81" />
            <location filename="../../playground/ui/workspaces/train/training_panel.py" line="140" />
            <source>Learning rate</source>
            <translation>学习率</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/playground/playground_panel.py" line="278" />
            <location filename="../../playground/ui/workspaces/runs/sweep_panel.py" line="81" />
            <location filename="../../playground/ui/workspaces/train/training_panel.py" line="139" />
            <source>Batch size</source>
            <translation>批大小</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/playground/playground_panel.py" line="279" />
            <location filename="../../playground/ui/workspaces/runs/runs_panel.py" line="75" />
            <location filename="../../playground/ui/workspaces/runs/sweep_panel.py" line="81" />
            <location filename="../../playground/ui/workspaces/train/training_panel.py" line="141" />
            <source>Optimizer</source>
            <translation>优化器</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/playground/playground_panel.py" line="280" />
            <source>Regularisation</source>
            <translation>正则化</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/playground/playground_panel.py" line="281" />
            <source>Rate</source>
            <translation>正则化率</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/playground/playground_panel.py" line="306" />
            <source>Remove the last hidden layer.</source>
            <translation>删除最后一个隐藏层。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/playground/playground_panel.py" line="325" />
            <source>Loss on the test points (never trained on) and on the training points, after the last epoch. A test loss that rises while the training loss falls is over-fitting.</source>
            <translation>最近一轮之后，在测试点（从未用于训练）和训练点上的损失。训练损失下降而测试损失上升，就是过拟合。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/playground/playground_panel.py" line="337" />
            <source>Show test data</source>
            <translation>显示测试数据</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/playground/playground_panel.py" line="339" />
            <source>Draw the test points (black rim) too; the network never trains on them.</source>
            <translation>同时画出测试点（黑色边框）；网络从不在它们上面训练。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/playground/playground_panel.py" line="340" />
            <source>Discretise output</source>
            <translation>离散化输出</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/playground/playground_panel.py" line="341" />
            <source>Show only the decision — each point of the plane in the colour of the class it would get — instead of how sure the network is.</source>
            <translation>只显示决策——平面上每一点涂成它会被判为的类别的颜色——而不显示网络有多确定。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/playground/playground_panel.py" line="879" />
            <source>no network to train: see the message above</source>
            <translation>没有可训练的网络：请看上方的消息</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/playground/playground_panel.py" line="885" />
            <source> Or set Output to Auto: the task's usual activation.</source>
            <translation>或者把“输出”设为“自动”：即该任务常用的激活函数。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/playground/playground_panel.py" line="988" />
            <source>A function of x has no x₂: {name} is for 2-D data.</source>
            <translation>x 的函数没有 x₂：{name} 用于二维数据。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/playground/playground_panel.py" line="88" />
            <source>Circle</source>
            <translation>圆形</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/playground/playground_panel.py" line="88" />
            <source>XOR (exclusive or)</source>
            <translation>XOR（异或）</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/playground/playground_panel.py" line="88" />
            <source>Gaussian clusters</source>
            <translation>高斯簇</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/playground/playground_panel.py" line="89" />
            <source>Spiral</source>
            <translation>螺旋</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/playground/playground_panel.py" line="89" />
            <source>Two moons</source>
            <translation>双月</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/playground/playground_panel.py" line="90" />
            <source>sin x</source>
            <translation>sin x</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/playground/playground_panel.py" line="90" />
            <source>Cubic polynomial</source>
            <translation>三次多项式</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/playground/playground_panel.py" line="90" />
            <source>Step function</source>
            <translation>阶跃函数</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/playground/playground_panel.py" line="91" />
            <source>Plane</source>
            <translation>平面</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/playground/playground_panel.py" line="91" />
            <source>Bowl</source>
            <translation>碗形</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/playground/playground_panel.py" line="91" />
            <source>Saddle</source>
            <translation>马鞍面</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/playground/playground_panel.py" line="91" />
            <source>Ripple</source>
            <translation>波纹</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/playground/playground_panel.py" line="333" />
            <source>training</source>
            <translation>训练集</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/playground/playground_panel.py" line="794" />
            <source>Auto ({activation})</source>
            <translation>自动（{activation}）</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/playground/playground_panel.py" line="927" />
            <source>&lt;span style='color:{test_colour}'&gt;■&lt;/span&gt; Test loss &lt;b&gt;{test}&lt;/b&gt;&lt;br&gt;&lt;span style='color:{train_colour}'&gt;■&lt;/span&gt; Training loss &lt;b&gt;{train}&lt;/b&gt;</source>
            <translation>&lt;span style='color:{test_colour}'&gt;■&lt;/span&gt; 测试损失 &lt;b&gt;{test}&lt;/b&gt;&lt;br&gt;&lt;span style='color:{train_colour}'&gt;■&lt;/span&gt; 训练损失 &lt;b&gt;{train}&lt;/b&gt;</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/playground/playground_panel.py" line="944" />
            <source>Building the network…</source>
            <translation>正在构建网络…</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/playground/playground_panel.py" line="987" />
            <source>Give the network {name} as an input.</source>
            <translation>把 {name} 作为网络的一个输入。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/playground/playground_panel.py" line="389" />
            <source>Add a hidden layer (at most {most}).</source>
            <translation>添加一个隐藏层（最多 {most} 个）。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/playground/playground_panel.py" line="880" />
            <source>This network can't be trained:</source>
            <translation>这个网络无法训练：</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/playground/playground_panel.py" line="920" />
            <source>Epoch &lt;b&gt;{epoch:,}&lt;/b&gt;</source>
            <translation>轮次 &lt;b&gt;{epoch:,}&lt;/b&gt;</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/playground/playground_panel.py" line="933" />
            <source>&lt;br&gt;Test accuracy &lt;b&gt;{accuracy:.1%}&lt;/b&gt;</source>
            <translation>&lt;br&gt;测试准确率 &lt;b&gt;{accuracy:.1%}&lt;/b&gt;</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/playground/playground_panel.py" line="388" />
            <source>{n} hidden layer</source>
            <translation>{n} 个隐藏层</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/playground/playground_panel.py" line="388" />
            <source>{n} hidden layers</source>
            <translation>{n} 个隐藏层</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/playground/playground_panel.py" line="803" />
            <source>This trains, but:</source>
            <translation>可以训练，但是：</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/playground/playground_panel.py" line="858" />
            <source>Training stopped</source>
            <translation>训练已停止</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/playground/playground_panel.py" line="762" />
            <source>The network needs at least one input feature.</source>
            <translation>网络至少需要一个输入特征。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/playground/playground_panel.py" line="858" />
            <source>The loss diverged.</source>
            <translation>损失发散了。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/playground/playground_worker.py" line="119" />
            <source>Could not draw the network's output: {kind}: {error}</source>
            <translation>无法绘制网络的输出：{kind}：{error}</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/runs/experiments_panel.py" line="87" />
            <source>One-click experiments that test the course notes' claims on real training runs: Adam vs gradient descent, ReLU vs Sigmoid, linear vs non-linear, over-fitting, model selection.</source>
            <translation>一键实验，用真实的训练运行检验课程笔记中的论断：Adam 与梯度下降、ReLU 与 Sigmoid、线性与非线性、过拟合、模型选择。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/runs/experiments_panel.py" line="90" />
            <source>Rank</source>
            <translation>排名</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/runs/experiments_panel.py" line="90" />
            <source>1 is best: the lowest validation error where there is a validation set, else the lowest test error.</source>
            <translation>1 为最佳：有验证集时验证误差最低，否则测试误差最低。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/runs/experiments_panel.py" line="92" />
            <source>Candidate</source>
            <translation>候选</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/runs/experiments_panel.py" line="93" />
            <source>Train err.</source>
            <translation>训练误差</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/runs/experiments_panel.py" line="93" />
            <source>Error of the final weights on the digits the network learned from.</source>
            <translation>最终权重在网络学过的数字上的误差。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/runs/experiments_panel.py" line="94" />
            <source>Val. err.</source>
            <translation>验证误差</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/runs/experiments_panel.py" line="94" />
            <source>Error on the validation digits: held out of training, used to choose between models.</source>
            <translation>在验证数字上的误差：这些数字不参与训练，用于在模型之间挑选。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/runs/experiments_panel.py" line="95" />
            <source>Test err.</source>
            <translation>测试误差</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/runs/experiments_panel.py" line="95" />
            <source>Error on test digits never used for training or choosing: the honest estimate.</source>
            <translation>在从未用于训练或挑选的测试数字上的误差：诚实的估计。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/runs/experiments_panel.py" line="96" />
            <source>Gap</source>
            <translation>差距</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/runs/experiments_panel.py" line="96" />
            <source>Test error minus training error: large when the network has memorised its training digits.</source>
            <translation>测试误差减去训练误差：网络死记住训练数字时会很大。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/runs/experiments_panel.py" line="97" />
            <source>Params</source>
            <translation>参数</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/runs/experiments_panel.py" line="97" />
            <source>Weights and biases the network learns.</source>
            <translation>网络要学习的权重和偏置。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/runs/experiments_panel.py" line="98" />
            <source>Wall-clock time to train and score the candidate.</source>
            <translation>训练并评估该候选所用的实际时间。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/runs/experiments_panel.py" line="214" />
            <location filename="../../playground/ui/workspaces/runs/experiments_panel.py" line="632" />
            <location filename="../../playground/ui/workspaces/runs/runs_panel.py" line="73" />
            <location filename="../../playground/ui/workspaces/runs/sweep_results.py" line="37" />
            <source>Run</source>
            <translation>运行</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/runs/experiments_panel.py" line="311" />
            <source>Each experiment trains small networks on a random part of MNIST (or on generated 2-D points) for a few epochs, so it finishes in seconds on one CPU core — the rest of the machine stays free for the window and its own training. The numbers are real; each conclusion is computed from them.</source>
            <translation>每个实验都在 MNIST 的随机子集（或生成的二维点）上把小网络训练几轮，因此在一个 CPU 核心上几秒钟就能完成——机器的其余部分留给窗口及其自身的训练。数字都是真实的；每条结论都由这些数字计算得出。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/runs/experiments_panel.py" line="329" />
            <source>Softmax vs sigmoid for multi-label…</source>
            <translation>多标签：softmax 与 sigmoid…</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/runs/experiments_panel.py" line="330" />
            <source>Two networks learn four yes/no labels per digit (even, ≥ 5, prime, loop): softmax + cross-entropy against a sigmoid per label + BCE, side by side</source>
            <translation>两个网络为每个数字学习四个是/否标签（偶数、≥ 5、质数、闭合圈）：softmax + 交叉熵与每个标签一个 sigmoid + BCE，并排对比</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/runs/experiments_panel.py" line="353" />
            <location filename="../../playground/ui/workspaces/runs/experiments_panel.py" line="635" />
            <source>Run experiment</source>
            <translation>运行实验</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/runs/experiments_panel.py" line="356" />
            <source>Stop after the current batch; candidates already finished are kept.</source>
            <translation>在当前批次结束后停止；已完成的候选会保留。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/runs/experiments_panel.py" line="370" />
            <location filename="../../playground/ui/workspaces/runs/runs_panel.py" line="203" />
            <source>Training loss (smoothed)</source>
            <translation>训练损失（平滑）</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/runs/experiments_panel.py" line="370" />
            <location filename="../../playground/ui/workspaces/runs/experiments_panel.py" line="374" />
            <location filename="../../playground/ui/workspaces/runs/runs_panel.py" line="203" />
            <location filename="../../playground/ui/workspaces/runs/runs_panel.py" line="208" />
            <source>step</source>
            <translation>步</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/runs/experiments_panel.py" line="374" />
            <location filename="../../playground/ui/workspaces/runs/experiments_panel.py" line="515" />
            <location filename="../../playground/ui/workspaces/runs/runs_panel.py" line="65" />
            <location filename="../../playground/ui/workspaces/runs/runs_panel.py" line="208" />
            <source>Test accuracy</source>
            <translation>测试集准确率</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/runs/experiments_panel.py" line="374" />
            <location filename="../../playground/ui/workspaces/runs/runs_panel.py" line="65" />
            <location filename="../../playground/ui/workspaces/runs/runs_panel.py" line="208" />
            <source>test accuracy (%)</source>
            <translation>测试准确率（%）</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/runs/experiments_panel.py" line="478" />
            <source>Loading the data…</source>
            <translation>正在加载数据…</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/runs/experiments_panel.py" line="716" />
            <source>{minutes} min {seconds:02d} s</source>
            <translation>{minutes} 分 {seconds:02d} 秒</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/runs/experiments_panel.py" line="634" />
            <location filename="../../playground/ui/workspaces/runs/experiments_panel.py" line="632" />
            <source>Running…</source>
            <translation>运行中…</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/runs/experiments_panel.py" line="714" />
            <location filename="../../playground/ui/workspaces/runs/sweep_panel.py" line="605" />
            <source>{seconds} s</source>
            <translation>{seconds} 秒</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/runs/experiments_panel.py" line="233" />
            <source>{count} candidates, about {duration} in all on one CPU core.</source>
            <translation>{count} 个候选，在一个 CPU 核心上总共约 {duration}。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/runs/experiments_panel.py" line="235" />
            <source>Train the {count} candidates one after another (about {duration} on one CPU core).</source>
            <translation>依次训练 {count} 个候选（在一个 CPU 核心上约 {duration}）。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/runs/experiments_panel.py" line="277" />
            <source>{status} — about {duration} left</source>
            <translation>{status}——还剩约 {duration}</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/runs/experiments_panel.py" line="451" />
            <source>Right: the line follows test checks on up to {count:,} test digits during training; the dots are the whole test sample at each epoch's end, as in the table.</source>
            <translation>右图：曲线是训练期间在最多 {count:,} 个测试数字上的测试检查；圆点是每轮结束时在整个测试样本上的结果，与表中一致。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/runs/experiments_panel.py" line="490" />
            <source>Cancelling after the current batch…</source>
            <translation>将在当前批次结束后取消…</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/runs/experiments_panel.py" line="503" />
            <source>&lt;i&gt;The notes: “{claim}”&lt;/i&gt;</source>
            <translation>&lt;i&gt;课程笔记：“{claim}”&lt;/i&gt;</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/runs/experiments_panel.py" line="514" />
            <source>&lt;b&gt;How to read it:&lt;/b&gt; {text}</source>
            <translation>&lt;b&gt;如何解读：&lt;/b&gt;{text}</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/runs/experiments_panel.py" line="586" />
            <source>{gap:+.1f} pts</source>
            <translation>{gap:+.1f} 个百分点</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/runs/experiments_panel.py" line="587" />
            <source>{label} ({reason})</source>
            <translation>{label}（{reason}）</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/runs/experiments_panel.py" line="591" />
            <source>{seconds:.1f} s</source>
            <translation>{seconds:.1f} 秒</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/runs/experiments_panel.py" line="642" />
            <source>Training {candidates} candidates, {steps:,} steps in all…</source>
            <translation>正在训练 {candidates} 个候选，共 {steps:,} 步…</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/runs/experiments_panel.py" line="648" />
            <source>Training “{label}” ({number} of {total})…</source>
            <translation>正在训练“{label}”（第 {number} 个，共 {total} 个）…</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/runs/experiments_panel.py" line="693" />
            <source>Failed: {error}</source>
            <translation>失败：{error}</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/runs/experiments_panel.py" line="510" />
            <source>Data: {data}. About {duration} on one CPU core — small subsets and few epochs keep it quick; more would only sharpen the same picture.</source>
            <translation>数据：{data}。在一个 CPU 核心上约 {duration}——小子集和少量轮次让它保持快速；更多数据和轮次只会让同样的结论更清晰。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/runs/experiments_panel.py" line="603" />
            <source>Best: lowest validation error</source>
            <translation>最佳：验证误差最低</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/runs/experiments_panel.py" line="604" />
            <source>Best: lowest test error</source>
            <translation>最佳：测试误差最低</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/runs/experiments_panel.py" line="695" />
            <source>Cancelled after {done} of {total} candidates.</source>
            <translation>在 {total} 个候选中完成 {done} 个后已取消。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/runs/experiments_panel.py" line="698" />
            <source>Finished in {duration} on {data}.</source>
            <translation>在 {data} 上完成，用时 {duration}。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/runs/run_tracking.py" line="38" />
            <source>Every training run with its settings: overlay the curves of any runs, rename or delete them, and fork a run to continue it with another optimizer or learning rate.</source>
            <translation>每次训练运行及其设置：叠加显示任意几次运行的曲线，重命名或删除它们，或者从某次运行分叉，换一个优化器或学习率继续训练。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/runs/run_tracking.py" line="158" />
            <source>Pause the run first (Space), then fork it.</source>
            <translation>请先暂停运行（Space），再分叉。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/runs/run_tracking.py" line="197" />
            <source>Fork {run} at step {step:,} (paused): continue from these weights with</source>
            <translation>在第 {step:,} 步（已暂停）从 {run} 分叉：从这些权重继续训练，使用</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/runs/run_tracking.py" line="199" />
            <source>Fork {run} at step {step:,} (its end): continue from these weights with</source>
            <translation>在第 {step:,} 步（运行结束处）从 {run} 分叉：从这些权重继续训练，使用</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/runs/run_tracking.py" line="147" />
            <source>Nothing to fork: train a run first (a fork continues it with other settings).</source>
            <translation>没有可以分叉的运行：请先训练一次（分叉会用别的设置继续它）。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/runs/run_tracking.py" line="218" />
            <source>Train continues {run} from step {step:,}. Change the optimizer or the learning rate first, or fork above, to branch off a new run instead.</source>
            <translation>“训练”会从第 {step:,} 步继续 {run}。若想分出一次新运行，请先更改优化器或学习率，或者使用上方的分叉。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/runs/run_tracking.py" line="189" />
            <source>training is running: pause it (Space) to fork it here.</source>
            <translation>正在训练：暂停（Space）后即可在此处分叉。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/runs/run_tracking.py" line="193" />
            <source>train a run first; a fork continues it with other settings.</source>
            <translation>请先训练一次；分叉会用别的设置继续它。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/runs/run_tracking.py" line="216" />
            <source>Settings changed ({changes}): Train will continue {run} as a new run forked at step {step:,}.</source>
            <translation>设置已更改（{changes}）：“训练”将以一次新运行继续 {run}，在第 {step:,} 步分叉。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/runs/run_tracking.py" line="154" />
            <source>Forking {run} where it stops…</source>
            <translation>等 {run} 停下后，在停下处分叉…</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/runs/runs_export.py" line="41" />
            <source>&amp;Runs</source>
            <translation>运行(&amp;R)</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/runs/runs_export.py" line="42" />
            <source>&amp;Sweep…</source>
            <translation>扫描(&amp;S)…</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/runs/runs_export.py" line="43" />
            <source>Train the network with several settings, one run after another.</source>
            <translation>用几组不同的设置逐一训练网络。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/runs/runs_export.py" line="46" />
            <source>Export &amp;CSV…</source>
            <translation>导出 CSV(&amp;C)…</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/runs/runs_export.py" line="47" />
            <source>Write every run's epochs (and, beside it, its steps) as CSV files.</source>
            <translation>把每次运行的各轮数据（以及旁边的各步数据）写成 CSV 文件。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/runs/runs_export.py" line="54" />
            <location filename="../../playground/ui/workspaces/runs/runs_export.py" line="68" />
            <source>Export runs as CSV</source>
            <translation>将运行导出为 CSV</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/runs/runs_export.py" line="55" />
            <source>CSV files (*.csv)</source>
            <translation>CSV 文件 (*.csv)</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/runs/runs_export.py" line="52" />
            <source>No runs to export yet: train a run first.</source>
            <translation>还没有可导出的运行：请先训练一次。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/runs/runs_export.py" line="71" />
            <source>Wrote {epochs} epoch rows to {file} and {steps} step rows to {steps_file}.</source>
            <translation>已将 {epochs} 行轮数据写入 {file}，{steps} 行步数据写入 {steps_file}。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/runs/runs_export.py" line="68" />
            <source>Could not write {file}: {error}</source>
            <translation>无法写入 {file}：{error}</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/runs/runs_panel.py" line="86" />
            <source>No runs yet. Every time you press Train, the run is kept here with its settings, so you can compare runs, fork one with other settings and find them again in the project file.</source>
            <translation>还没有运行。每次按下“训练”，这次运行都会连同它的设置保存在这里：你可以比较各次运行，用别的设置从某次运行分叉，并在项目文件里再次找到它们。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/runs/runs_panel.py" line="88" />
            <source>Continue training from the current weights with these settings, as a new run whose curves branch off the current run's at this step.</source>
            <translation>用这些设置从当前权重继续训练，作为一次新运行：它的曲线在这一步从当前运行的曲线分出。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/runs/runs_panel.py" line="66" />
            <source>test loss</source>
            <translation>测试损失值</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/runs/runs_panel.py" line="67" />
            <source>Training accuracy (per epoch)</source>
            <translation>训练准确率（每轮）</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/runs/runs_panel.py" line="67" />
            <source>training accuracy (%)</source>
            <translation>训练准确率（%）</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/runs/runs_panel.py" line="68" />
            <source>Training loss (per epoch)</source>
            <translation>训练损失（每轮）</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/runs/runs_panel.py" line="68" />
            <source>training loss</source>
            <translation>训练损失值</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/runs/runs_panel.py" line="69" />
            <source>Validation accuracy</source>
            <translation>验证集准确率</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/runs/runs_panel.py" line="69" />
            <source>validation accuracy (%)</source>
            <translation>验证准确率（%）</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/runs/runs_panel.py" line="70" />
            <source>Test R² (regression)</source>
            <translation>测试 R²（回归）</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/runs/runs_panel.py" line="70" />
            <location filename="../../playground/ui/workspaces/runs/sweep_results.py" line="214" />
            <source>test R²</source>
            <translation>测试 R²</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/runs/runs_panel.py" line="73" />
            <source>Tick to overlay the run's curves below. Double-click the name to rename it.</source>
            <translation>勾选后，这次运行的曲线会叠加显示在下方。双击名称可以重命名。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/runs/runs_panel.py" line="74" />
            <source>From</source>
            <translation>分叉自</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/runs/runs_panel.py" line="74" />
            <source>The run it was forked from and the step it branched at: its weights there are the parent's.</source>
            <translation>它从哪次运行分叉而来、在第几步分叉：分叉处的权重就是父运行的权重。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/runs/runs_panel.py" line="75" />
            <source>The update rule the run trained with.</source>
            <translation>这次运行训练时所用的参数更新规则。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/runs/runs_panel.py" line="76" />
            <source>LR</source>
            <translation>学习率 η</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/runs/runs_panel.py" line="76" />
            <source>The learning rate η.</source>
            <translation>学习率 η。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/runs/runs_panel.py" line="77" />
            <source>Batch</source>
            <translation>批次</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/runs/runs_panel.py" line="77" />
            <source>Images per gradient step.</source>
            <translation>每个梯度步所用的图像数。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/runs/runs_panel.py" line="78" />
            <source>What the network learned to answer.</source>
            <translation>网络学着回答的问题。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/runs/runs_panel.py" line="79" />
            <source>Best test</source>
            <translation>最佳测试成绩</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/runs/runs_panel.py" line="79" />
            <source>The best test score at an epoch's end during this run (accuracy, or R² for regression).</source>
            <translation>这次运行中，各轮结束时最好的测试成绩（准确率；回归任务为 R²）。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/runs/runs_panel.py" line="80" />
            <source>Epochs of training in this run (from its start to its end).</source>
            <translation>这次运行训练的轮数（从开始到结束）。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/runs/runs_panel.py" line="81" />
            <source>Steps</source>
            <translation>步数</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/runs/runs_panel.py" line="81" />
            <source>Gradient steps, as global step numbers: from → to.</source>
            <translation>梯度步，以全局步号表示：起 → 止。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/runs/runs_panel.py" line="82" />
            <location filename="../../playground/ui/workspaces/runs/sweep_results.py" line="36" />
            <source>Status</source>
            <translation>状态</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/runs/runs_panel.py" line="82" />
            <source>Running, paused, completed, stopped (by you), forked (stopped to continue as a new run), or diverged (the loss blew up).</source>
            <translation>运行中、已暂停、已完成、已停止（由你停止）、已分叉（停下后以一次新运行继续）或已发散（损失爆炸）。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/runs/runs_panel.py" line="163" />
            <source>Overlay the curves of every run.</source>
            <translation>叠加显示所有运行的曲线。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/runs/runs_panel.py" line="165" />
            <source>Show none</source>
            <translation>全部隐藏</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/runs/runs_panel.py" line="166" />
            <source>Hide every run's curves.</source>
            <translation>隐藏所有运行的曲线。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/runs/runs_panel.py" line="168" />
            <source>Rename</source>
            <translation>重命名</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/runs/runs_panel.py" line="169" />
            <source>Rename the selected run (or double-click its name).</source>
            <translation>重命名所选的运行（也可以双击它的名称）。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/runs/runs_panel.py" line="171" />
            <source>Delete…</source>
            <translation>删除…</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/runs/runs_panel.py" line="172" />
            <source>Forget the selected runs (the network's weights are not touched).</source>
            <translation>删除所选运行的记录（网络的权重不受影响）。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/runs/runs_panel.py" line="180" />
            <source>Fork:</source>
            <translation>分叉：</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/runs/runs_panel.py" line="185" />
            <source>The optimizer the forked run continues with.</source>
            <translation>分叉出的运行继续训练时使用的优化器。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/runs/runs_panel.py" line="188" />
            <source>The learning rate the forked run continues with (type e.g. 3e-4; the arrows step 1, 2, 5, 10, …).</source>
            <translation>分叉出的运行继续训练时使用的学习率（可输入如 3e-4；箭头按 1、2、5、10、… 递进）。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/runs/runs_panel.py" line="190" />
            <source>Fork and continue</source>
            <translation>分叉并继续</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/runs/runs_panel.py" line="215" />
            <source>The score plotted on the right: measured at every epoch's end and at the test checks in between (those use a subset of the test set).</source>
            <translation>右图绘制的成绩：在每轮结束时测量，也在轮中的测试检查时测量（后者只用测试集的一个子集）。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/runs/runs_panel.py" line="230" />
            <source>◇ where a forked run branches off its parent · ● epoch ends (the whole test set) · ○ checks during epochs (a subset of it)</source>
            <translation>◇ 分叉出的运行从父运行分出的位置 · ● 每轮结束（整个测试集）· ○ 轮中的检查（测试集的子集）</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/runs/runs_panel.py" line="412" />
            <source>Delete {names}? Its curves and settings are forgotten; the network's weights stay as they are.</source>
            <translation>删除 {names}？它的曲线和设置将被删除；网络的权重保持不变。</translation>
        </message>
        <message numerus="yes">
            <location filename="../../playground/ui/workspaces/runs/runs_panel.py" line="414" />
            <source>Delete {names}? Its curves and settings are forgotten; the network's weights stay as they are. %n runs forked from it keep their own curves.</source>
            <translation>
                <numerusform>删除 {names}？它的曲线和设置将被删除；网络的权重保持不变。从它分叉出的 %n 次运行会保留各自的曲线。</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/runs/runs_panel.py" line="419" />
            <source>Delete runs?</source>
            <translation>删除运行？</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/runs/runs_panel.py" line="506" />
            <source>unknown</source>
            <translation>未知</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/runs/runs_panel.py" line="196" />
            <source>lr</source>
            <translation>学习率：</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/runs/runs_panel.py" line="223" />
            <source>Right plot:</source>
            <translation>右图：</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/runs/runs_panel.py" line="507" />
            <source>{run}: {network}, {settings}, started {created}</source>
            <translation>{run}：{network}，{settings}，开始于 {created}</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/runs/runs_panel.py" line="375" />
            <source>Fork: {reason}</source>
            <translation>分叉：{reason}</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/runs/runs_panel.py" line="482" />
            <source>a deleted run</source>
            <translation>已删除的运行</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/runs/runs_panel.py" line="484" />
            <source>step {step:,}</source>
            <translation>第 {step:,} 步</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/runs/runs_panel.py" line="376" />
            <source>train or pause a run first.</source>
            <translation>请先训练或暂停一次运行。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/runs/sweep_panel.py" line="76" />
            <source>Sweep</source>
            <translation>扫描</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/runs/sweep_panel.py" line="77" />
            <source>Train the network with several settings, one run after another, and compare them: a table, a parallel-coordinates plot and the best run.</source>
            <translation>用几组不同的设置逐一训练网络并加以比较：一张表格、一幅平行坐标图和最佳的一次运行。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/runs/sweep_panel.py" line="84" />
            <source>Width of {layer}</source>
            <translation>{layer} 的宽度</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/runs/sweep_panel.py" line="82" />
            <source>Weight decay (regularisation)</source>
            <translation>权重衰减（正则化）</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/runs/sweep_panel.py" line="82" />
            <source>Dropout p</source>
            <translation>Dropout 概率 p</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/runs/sweep_panel.py" line="133" />
            <source>The window is training: stop its run first (a sweep trains on the same processor).</source>
            <translation>窗口正在训练：请先停止这次运行（扫描在同一个处理器上训练）。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/runs/sweep_panel.py" line="210" />
            <source>Train the network in the editor several times, one run after another, each with other settings, on the data the window trains on. Every run is kept in the Runs view.</source>
            <translation>用窗口训练所用的数据，把编辑器中的网络逐一训练几次，每次用不同的设置。每次运行都保存在“运行”视图中。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/runs/sweep_panel.py" line="234" />
            <source>Every combination (grid)</source>
            <translation>所有组合（网格）</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/runs/sweep_panel.py" line="235" />
            <source>Random draws:</source>
            <translation>随机抽取：</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/runs/sweep_panel.py" line="243" />
            <source>How many different combinations to draw at random (the same ones for the same seed).</source>
            <translation>随机抽取多少个不同的组合（种子相同，抽到的组合也相同）。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/runs/sweep_panel.py" line="248" />
            <source>Epochs each run trains. Every run starts from the same fresh weights (the seed), so they differ only in the settings varied.</source>
            <translation>每次运行训练的轮数。每次运行都从同样的新权重（由种子决定）开始，因此它们只在所变化的设置上不同。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/runs/sweep_panel.py" line="262" />
            <source>Run sweep</source>
            <translation>开始扫描</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/runs/sweep_panel.py" line="263" />
            <source>Train the runs one after another in the background.</source>
            <translation>在后台逐一训练这些运行。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/runs/sweep_panel.py" line="266" />
            <source>Stop the sweep once the run in training has finished.</source>
            <translation>等正在训练的这次运行结束后停止扫描。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/runs/sweep_panel.py" line="290" />
            <source>Open best run</source>
            <translation>打开最佳运行</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/runs/sweep_panel.py" line="291" />
            <source>Select the run with the highest test score in the Runs view and overlay its curves.</source>
            <translation>在“运行”视图中选中测试得分最高的运行，并叠加显示它的曲线。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/runs/sweep_panel.py" line="294" />
            <source>Continue in the window</source>
            <translation>在窗口中继续</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/runs/sweep_panel.py" line="423" />
            <source>The data set is not loaded yet.</source>
            <translation>数据集尚未加载。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/runs/sweep_panel.py" line="482" />
            <source>estimating the time left…</source>
            <translation>正在估计剩余时间…</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/runs/sweep_panel.py" line="606" />
            <source>{minutes} min {seconds} s</source>
            <translation>{minutes} 分 {seconds} 秒</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/runs/sweep_panel.py" line="158" />
            <source>continuing a run of the sweep</source>
            <translation>继续扫描中的一次运行</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/runs/sweep_panel.py" line="216" />
            <source>Setting</source>
            <translation>设置</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/runs/sweep_panel.py" line="217" />
            <source>Values (separated by commas)</source>
            <translation>取值（用逗号分隔）</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/runs/sweep_panel.py" line="222" />
            <source>A setting to vary; leave it at “—” to vary fewer.</source>
            <translation>要变化的设置；保持“—”即可少变化一项。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/runs/sweep_panel.py" line="224" />
            <source>e.g. 0.001, 0.003, 0.01</source>
            <translation>例如 0.001, 0.003, 0.01</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/runs/sweep_panel.py" line="225" />
            <source>The values to try, separated by commas.</source>
            <translation>要尝试的取值，用逗号分隔。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/runs/sweep_panel.py" line="258" />
            <source>Epochs per run:</source>
            <translation>每次运行的轮数：</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/runs/sweep_panel.py" line="487" />
            <source>Sweep {sweep} · {settings}</source>
            <translation>扫描 {sweep} · {settings}</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/runs/sweep_panel.py" line="580" />
            <source>Take over the selected run's final weights, optimizer state and settings in the window: Train continues it, and the Runs view's fork bar forks it with another optimizer or learning rate.</source>
            <translation>把所选运行最终的权重、优化器状态和设置接管到窗口中：“训练”会继续它，“运行”视图中的分叉栏可以用另一个优化器或学习率分叉它。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/runs/sweep_panel.py" line="583" />
            <source>This run's weights were not kept: it diverged or stopped before its first step, or its weights were dropped to save memory (runs with lower scores go first).</source>
            <translation>这次运行的权重没有保留：它发散了，或在第一步之前就停止了，或者为了节省内存丢弃了它的权重（得分较低的运行先被丢弃）。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/runs/sweep_panel.py" line="407" />
            <source>Runs: {runs} · epochs per run: {epochs}</source>
            <translation>运行次数：{runs} · 每次运行的轮数：{epochs}</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/runs/sweep_panel.py" line="455" />
            <source>Cancelling: the sweep stops once the run in training has finished…</source>
            <translation>正在取消：等正在训练的这次运行结束后，扫描就会停止…</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/runs/sweep_panel.py" line="464" />
            <source>Training started in the window: the sweep stops after the run in training.</source>
            <translation>窗口中开始了训练：扫描将在正在训练的这次运行结束后停止。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/runs/sweep_panel.py" line="481" />
            <source>about {time} left</source>
            <translation>约剩 {time}</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/runs/sweep_panel.py" line="153" />
            <source>{run} is no longer in the Runs view.</source>
            <translation>{run} 已不在“运行”视图中。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/runs/sweep_panel.py" line="159" />
            <source>{run} is in the window: Train continues it, the fork bar branches it.</source>
            <translation>{run} 已在窗口中：“训练”会继续它，分叉栏可以让它分叉。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/runs/sweep_panel.py" line="393" />
            <source>{count} runs: at most {limit} in one sweep; list fewer values.</source>
            <translation>{count} 次运行：一次扫描最多 {limit} 次；请列出更少的取值。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/runs/sweep_panel.py" line="446" />
            <source>Starting {count} runs…</source>
            <translation>正在开始 {count} 次运行…</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/runs/sweep_panel.py" line="483" />
            <source>Run {number} of {count}: {settings} — {left}</source>
            <translation>第 {number} 次运行，共 {count} 次：{settings} — {left}</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/runs/sweep_panel.py" line="537" />
            <source>Best so far: run {number} ({settings}), test score {score}.</source>
            <translation>目前最佳：第 {number} 次运行（{settings}），测试得分 {score}。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/runs/sweep_panel.py" line="506" />
            <source>Finished: {count} runs, kept in the Runs view.</source>
            <translation>已完成：{count} 次运行，已保存在“运行”视图中。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/runs/sweep_panel.py" line="508" />
            <source>Cancelled after {done} of {count} runs; those are kept in the Runs view.</source>
            <translation>在 {count} 次运行中完成 {done} 次后已取消；这些运行已保存在“运行”视图中。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/runs/sweep_results.py" line="28" />
            <source>Parallel coordinates: each line is a run, coloured by its test score (dark: low, yellow: high)</source>
            <translation>平行坐标：每条线是一次运行，颜色表示其测试得分（深色：低，黄色：高）</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/runs/sweep_results.py" line="32" />
            <source>Test score</source>
            <translation>测试得分</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/runs/sweep_results.py" line="32" />
            <source>The test score at the run's last epoch: accuracy, or R² for regression.</source>
            <translation>运行最后一轮的测试得分：准确率，回归任务则为 R²。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/runs/sweep_results.py" line="33" />
            <source>The loss on the test set at the run's last epoch.</source>
            <translation>运行最后一轮在测试集上的损失。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/runs/sweep_results.py" line="34" />
            <source>Training loss</source>
            <translation>训练损失</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/runs/sweep_results.py" line="34" />
            <source>The mean training loss over the run's last epoch.</source>
            <translation>运行最后一轮的平均训练损失。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/runs/sweep_results.py" line="35" />
            <source>Time (s)</source>
            <translation>时间（秒）</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/runs/sweep_results.py" line="35" />
            <source>Wall-clock seconds the run took.</source>
            <translation>这次运行实际用去的秒数。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/runs/sweep_results.py" line="36" />
            <source>Completed, diverged (the loss blew up), stopped or error (the reason is in the tool tip).</source>
            <translation>已完成、已发散（损失爆炸）、已停止或出错（原因见工具提示）。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/runs/sweep_results.py" line="37" />
            <source>The run's name in the Runs view, where its curves can be overlaid.</source>
            <translation>这次运行在“运行”视图中的名称，可在那里叠加显示它的曲线。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/runs/sweep_results.py" line="93" />
            <source>The run's place in the sweep.</source>
            <translation>这次运行在扫描中的序号。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/runs/sweep_results.py" line="94" />
            <source>A setting the sweep varies.</source>
            <translation>扫描所变化的一项设置。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/runs/sweep_results.py" line="214" />
            <source>test accuracy</source>
            <translation>测试准确率</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/train/layer_block.py" line="88" />
            <source>{name}: {kernels} kernels, each {channels} input channel × {k}×{k} (out_channels × in_channels × height × width). Each kernel makes one feature map.</source>
            <translation>{name}：{kernels} 个卷积核，每个为 {channels} 个输入通道 × {k}×{k}（out_channels × in_channels × 高 × 宽）。每个卷积核生成一张特征图。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/train/layer_block.py" line="91" />
            <source>{name}: {kernels} kernels, each {channels} input channels × {k}×{k} (out_channels × in_channels × height × width). Each kernel makes one feature map.</source>
            <translation>{name}：{kernels} 个卷积核，每个为 {channels} 个输入通道 × {k}×{k}（out_channels × in_channels × 高 × 宽）。每个卷积核生成一张特征图。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/train/layer_block.py" line="100" />
            <source>weights</source>
            <translation>权重</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/train/layer_block.py" line="146" />
            <source>Output shape of one image after this layer (the batch dimension is left out).</source>
            <translation>一张图像经过这一层后的输出形状（不含批次维度）。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/train/layer_block.py" line="152" />
            <source>Remove this layer (Del)</source>
            <translation>删除这一层（Del）</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/train/layer_block.py" line="165" />
            <source>Learnable numbers in this layer: weights plus biases.</source>
            <translation>这一层中可学习的数：权重加偏置。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/train/layer_block.py" line="78" />
            <source>{name}: weights of layer {i}: n&lt;sup&gt;[{i}]&lt;/sup&gt; rows × n&lt;sup&gt;[{prev}]&lt;/sup&gt; columns — here {rows} × {columns}, one row per output unit.&lt;br&gt;z&lt;sup&gt;[{i}]&lt;/sup&gt; = W&lt;sup&gt;[{i}]&lt;/sup&gt; a&lt;sup&gt;[{prev}]&lt;/sup&gt; + b&lt;sup&gt;[{i}]&lt;/sup&gt;</source>
            <translation>{name}：第 {i} 层的权重：n&lt;sup&gt;[{i}]&lt;/sup&gt; 行 × n&lt;sup&gt;[{prev}]&lt;/sup&gt; 列——这里是 {rows} × {columns}，每个输出神经元一行。&lt;br&gt;z&lt;sup&gt;[{i}]&lt;/sup&gt; = W&lt;sup&gt;[{i}]&lt;/sup&gt; a&lt;sup&gt;[{prev}]&lt;/sup&gt; + b&lt;sup&gt;[{i}]&lt;/sup&gt;</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/train/layer_block.py" line="83" />
            <source>{name}: biases of layer {i}, one per output unit (n&lt;sup&gt;[{i}]&lt;/sup&gt; = {count}).</source>
            <translation>{name}：第 {i} 层的偏置，每个输出神经元一个（n&lt;sup&gt;[{i}]&lt;/sup&gt; = {count}）。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/train/layer_block.py" line="95" />
            <source>{name}: one bias per kernel ({count}), added to every value of its feature map.</source>
            <translation>{name}：每个卷积核一个偏置（共 {count} 个），加到它那张特征图的每个值上。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/train/layer_block.py" line="101" />
            <source>{name}: {part}, stacked for the {gates} gates of the {type} ({gates} × {size} = {rows} rows).</source>
            <translation>{name}：{part}，为 {type} 的 {gates} 个门堆叠在一起（{gates} × {size} = {rows} 行）。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/train/layer_block.py" line="105" />
            <source>{name}: learned, scales each normalised unit or channel ({shape}).</source>
            <translation>{name}：可学习，对每个归一化后的神经元或通道进行缩放（{shape}）。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/train/layer_block.py" line="108" />
            <source>{name}: learned, shifts each normalised unit or channel ({shape}).</source>
            <translation>{name}：可学习，对每个归一化后的神经元或通道进行平移（{shape}）。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/train/layer_block.py" line="251" />
            <source>&lt;i&gt;Click to select, double-click or Enter to edit its parameters, drag to reorder. Del removes, Ctrl+D duplicates, Alt+↑/↓ moves.&lt;/i&gt;</source>
            <translation>&lt;i&gt;单击选中，双击或按 Enter 编辑参数，拖动可调整顺序。Del 删除，Ctrl+D 复制，Alt+↑/↓ 移动。&lt;/i&gt;</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/train/layer_block.py" line="99" />
            <source>input-to-hidden weights</source>
            <translation>输入到隐藏状态的权重</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/train/layer_block.py" line="99" />
            <source>hidden-to-hidden weights (the memory)</source>
            <translation>隐藏状态到隐藏状态的权重（即记忆）</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/train/layer_block.py" line="100" />
            <source>input biases</source>
            <translation>输入偏置</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/train/layer_block.py" line="100" />
            <source>hidden biases</source>
            <translation>隐藏偏置</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/train/layer_block.py" line="231" />
            <source>not checked — fix the error above first</source>
            <translation>未检查——请先修正上面的错误</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/train/layer_block.py" line="239" />
            <source>Apply this repair (undo with Ctrl+Z).</source>
            <translation>应用这个修复（可用 Ctrl+Z 撤销）。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/train/layer_block.py" line="347" />
            <source>&lt;b&gt;input&lt;/b&gt;&amp;nbsp; {shape}&amp;nbsp; &lt;span style='color: gray; font-size: 8pt;'&gt;a&lt;sup&gt;[0]&lt;/sup&gt;&lt;/span&gt;</source>
            <translation>&lt;b&gt;输入&lt;/b&gt;&amp;nbsp; {shape}&amp;nbsp; &lt;span style='color: gray; font-size: 8pt;'&gt;a&lt;sup&gt;[0]&lt;/sup&gt;&lt;/span&gt;</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/train/layer_block.py" line="355" />
            <source>{shape} numbers</source>
            <translation>{shape} 个数</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/train/layer_block.py" line="356" />
            <source>One input as the network receives it: {what}. The notes call it a&lt;sup&gt;[0]&lt;/sup&gt; (or x); n&lt;sup&gt;[0]&lt;/sup&gt; is its size once flattened.</source>
            <translation>网络接收到的一个输入：{what}。课程笔记中记作 a&lt;sup&gt;[0]&lt;/sup&gt;（或 x）；n&lt;sup&gt;[0]&lt;/sup&gt; 是它展平后的大小。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/train/layer_block.py" line="221" />
            <source>{count:,} params</source>
            <translation>{count:,} 个参数</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/train/layer_block.py" line="249" />
            <source>in {input} → out {output}</source>
            <translation>输入 {input} → 输出 {output}</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/train/layer_block.py" line="352" />
            <source>{channels} channel × {height} × {width} pixels</source>
            <translation>{channels} 个通道 × {height} × {width} 像素</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/train/layer_block.py" line="353" />
            <source>{channels} channels × {height} × {width} pixels</source>
            <translation>{channels} 个通道 × {height} × {width} 像素</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/train/layer_editor.py" line="68" />
            <source>The network cannot be edited right now.</source>
            <translation>现在无法编辑网络。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/train/layer_editor.py" line="539" />
            <source>&lt;span style='color: gray;'&gt;Training needs ≈ {memory} at batch {batch} with {optimizer}&lt;/span&gt;</source>
            <translation>&lt;span style='color: gray;'&gt;批大小为 {batch}、使用 {optimizer} 时，训练约需 {memory}&lt;/span&gt;</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/train/layer_editor.py" line="931" />
            <source>on or off</source>
            <translation>开或关</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/train/layer_editor.py" line="933" />
            <source>empty = same as kernel_size</source>
            <translation>留空 = 与 kernel_size 相同</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/train/layer_editor.py" line="954" />
            <source>empty</source>
            <translation>空</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/train/layer_editor.py" line="109" />
            <source>&lt;b&gt;Layers&lt;/b&gt; &lt;span style='color: gray;'&gt;— drag one into the stack, or double-click to add it after the selected layer&lt;/span&gt;</source>
            <translation>&lt;b&gt;层&lt;/b&gt; &lt;span style='color: gray;'&gt;——拖入层堆叠中，或双击将其添加到所选层之后&lt;/span&gt;</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/train/layer_editor.py" line="118" />
            <source>Parameters: every learnable number (weights and biases).&lt;br&gt;Weights: parameters × 4 bytes (float32).&lt;br&gt;Training: a rough estimate of the memory one training step needs — the weights, their gradients, the optimizer's state (Adam keeps two running averages per weight) and the activations kept for back-propagation, for one batch.</source>
            <translation>参数：所有可学习的数（权重和偏置）。&lt;br&gt;权重：参数个数 × 4 字节（float32）。&lt;br&gt;训练：粗略估计一个训练步所需的内存——权重、它们的梯度、优化器的状态（Adam 为每个权重保存两个滑动平均）以及为反向传播保留的激活值，按一个批次计。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/train/layer_editor.py" line="132" />
            <source>Not an error: the network trains, but probably not as you intend.</source>
            <translation>这不是错误：网络可以训练，但结果可能与你的预期不同。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/train/layer_editor.py" line="172" />
            <location filename="../../playground/ui/workspaces/train/layer_editor.py" line="198" />
            <source>Undo</source>
            <translation>撤销</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/train/layer_editor.py" line="173" />
            <source>Undo the last change to the network</source>
            <translation>撤销对网络的上一次修改</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/train/layer_editor.py" line="174" />
            <location filename="../../playground/ui/workspaces/train/layer_editor.py" line="199" />
            <source>Redo</source>
            <translation>重做</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/train/layer_editor.py" line="175" />
            <source>Redo the change just undone</source>
            <translation>重做刚刚撤销的修改</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/train/layer_editor.py" line="176" />
            <source>Remove Layer</source>
            <translation>删除层</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/train/layer_editor.py" line="178" />
            <source>Remove the selected layer</source>
            <translation>删除所选的层</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/train/layer_editor.py" line="179" />
            <source>Duplicate Layer</source>
            <translation>复制层</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/train/layer_editor.py" line="180" />
            <source>Insert a copy of the selected layer right after it</source>
            <translation>在所选层之后紧接着插入它的副本</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/train/layer_editor.py" line="181" />
            <source>Move Layer Up</source>
            <translation>上移层</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/train/layer_editor.py" line="182" />
            <source>Move the selected layer one place towards the input</source>
            <translation>把所选层向输入方向移动一位</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/train/layer_editor.py" line="183" />
            <source>Move Layer Down</source>
            <translation>下移层</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/train/layer_editor.py" line="185" />
            <source>Move the selected layer one place towards the output</source>
            <translation>把所选层向输出方向移动一位</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/train/layer_editor.py" line="536" />
            <source>&lt;b&gt;Total: {parameters:,} parameters&lt;/b&gt; · {weights} of weights</source>
            <translation>&lt;b&gt;总计：{parameters:,} 个参数&lt;/b&gt; · 权重占 {weights}</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/train/layer_editor.py" line="538" />
            <source>&lt;b&gt;So far: {parameters:,} parameters&lt;/b&gt; · {weights} of weights</source>
            <translation>&lt;b&gt;目前为止：{parameters:,} 个参数&lt;/b&gt; · 权重占 {weights}</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/train/layer_editor.py" line="611" />
            <source>The network has no layers yet: drag one here from the palette above, or double-click one. A first network: Flatten, Linear, ReLU, Linear.</source>
            <translation>网络还没有任何层：从上方的层面板拖一个到这里，或双击一个。第一个网络可以是：Flatten、Linear、ReLU、Linear。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/train/layer_editor.py" line="854" />
            <source>Select a layer in the stack to see and change its parameters.</source>
            <translation>在层堆叠中选择一层，即可查看和修改它的参数。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/train/layer_editor.py" line="939" />
            <source>a number from {low} to {high}</source>
            <translation>{low} 到 {high} 之间的数</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/train/layer_editor.py" line="956" />
            <source>on</source>
            <translation>开</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/train/layer_editor.py" line="956" />
            <source>off</source>
            <translation>关</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/train/layer_editor.py" line="792" />
            <location filename="../../playground/ui/workspaces/train/layer_editor.py" line="868" />
            <source>&lt;b&gt;Parameters&lt;/b&gt;</source>
            <translation>&lt;b&gt;参数&lt;/b&gt;</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/train/layer_editor.py" line="936" />
            <source>{low} to {high}, or 'valid' / 'same'</source>
            <translation>{low} 到 {high}，或 'valid' / 'same'</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/train/layer_editor.py" line="938" />
            <source>{low} to {high}</source>
            <translation>{low} 到 {high}</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/train/layer_editor.py" line="264" />
            <source>&lt;b&gt;Locked:&lt;/b&gt; {reason}</source>
            <translation>&lt;b&gt;已锁定：&lt;/b&gt;{reason}</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/train/layer_editor.py" line="375" />
            <source>There is no layer {number}.</source>
            <translation>没有第 {number} 层。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/train/layer_editor.py" line="380" />
            <source>{type} has no parameter '{name}'.</source>
            <translation>{type} 没有参数 '{name}'。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/train/layer_editor.py" line="392" />
            <source>Change {layer} {param} to {value}</source>
            <translation>将 {layer} 的 {param} 改为 {value}</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/train/layer_editor.py" line="432" />
            <source>Fix {name}: {fix}</source>
            <translation>修复 {name}：{fix}</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/train/layer_editor.py" line="198" />
            <source>Undo {action}</source>
            <translation>撤销“{action}”</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/train/layer_editor.py" line="199" />
            <source>Redo {action}</source>
            <translation>重做“{action}”</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/train/layer_editor.py" line="317" />
            <source>Add {type}</source>
            <translation>添加 {type}</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/train/layer_editor.py" line="328" />
            <source>Remove {name}</source>
            <translation>删除 {name}</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/train/layer_editor.py" line="342" />
            <source>Duplicate {name}</source>
            <translation>复制 {name}</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/train/layer_editor.py" line="356" />
            <source>Move {name} up</source>
            <translation>上移 {name}</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/train/layer_editor.py" line="851" />
            <source>{param}: {help}</source>
            <translation>{param}：{help}</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/train/layer_editor.py" line="858" />
            <source>{summary} It has no parameters to set.</source>
            <translation>{summary}它没有需要设置的参数。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/train/layer_editor.py" line="216" />
            <source>Load {name}</source>
            <translation>载入 {name}</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/train/layer_editor.py" line="308" />
            <source>Unknown layer type '{type}'.</source>
            <translation>未知的层类型 '{type}'。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/train/layer_editor.py" line="310" />
            <location filename="../../playground/ui/workspaces/train/layer_editor.py" line="336" />
            <source>A network holds at most {count} layers.</source>
            <translation>一个网络最多只能有 {count} 层。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/train/layer_editor.py" line="358" />
            <source>Move {name} down</source>
            <translation>下移 {name}</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/train/layer_editor.py" line="360" />
            <source>Move {name} to position {position}</source>
            <translation>将 {name} 移到第 {position} 位</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/train/layer_palette.py" line="27" />
            <source>Dense</source>
            <translation>全连接</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/train/layer_palette.py" line="27" />
            <source>Shape</source>
            <translation>形状</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/train/layer_palette.py" line="28" />
            <source>Recurrent</source>
            <translation>循环</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/train/layer_palette.py" line="28" />
            <source>Regularise</source>
            <translation>正则化</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/train/layer_palette.py" line="29" />
            <source>Normalise</source>
            <translation>归一化</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/train/layer_palette.py" line="250" />
            <source>Layers with a weight matrix W and bias b joining every input to every output.</source>
            <translation>带有权重矩阵 W 和偏置 b、把每个输入与每个输出相连的层。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/train/layer_palette.py" line="251" />
            <source>Layers that slide small kernels over an image and keep its layout.</source>
            <translation>让小卷积核在图像上滑动、并保持图像空间布局的层。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/train/layer_palette.py" line="252" />
            <source>Shrink feature maps by summarising small windows; no weights.</source>
            <translation>通过汇总小窗口来缩小特征图；没有权重。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/train/layer_palette.py" line="253" />
            <source>Change the shape of the data without computing anything.</source>
            <translation>只改变数据的形状，不做任何计算。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/train/layer_palette.py" line="254" />
            <source>Read the image as a sequence of rows and carry a memory from row to row.</source>
            <translation>把图像当作由各行组成的序列来读取，并把记忆从一行带到下一行。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/train/layer_palette.py" line="255" />
            <source>The non-linearity g(z) applied to every value; without it stacked layers collapse into one.</source>
            <translation>作用在每个值上的非线性函数 g(z)；没有它，堆叠的多层会退化成一层。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/train/layer_palette.py" line="256" />
            <source>Help the network generalise instead of memorising the training set.</source>
            <translation>帮助网络学会泛化，而不是死记训练集。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/train/layer_palette.py" line="257" />
            <source>Keep values in a steady range so training is faster and more stable.</source>
            <translation>让数值保持在稳定的范围内，使训练更快、更稳定。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/train/layer_palette.py" line="156" />
            <source>&lt;i&gt;Drag into the stack, or double-click to add after the selected layer.&lt;/i&gt;</source>
            <translation>&lt;i&gt;拖入层堆叠中，或双击将其添加到所选层之后。&lt;/i&gt;</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/train/layer_palette.py" line="154" />
            <source>&lt;span style='color:gray'&gt;Parameters: {params}&lt;/span&gt;</source>
            <translation>&lt;span style='color:gray'&gt;参数：{params}&lt;/span&gt;</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/train/task_settings.py" line="78" />
            <source>Mixed precision: the forward pass runs in float16 on the GPU (with gradient scaling so small gradients don't vanish), with the same accuracy. It pays on big networks (large convolutions, big batches); on small ones the conversions cost more than they save: SimpleNN ran at 0.65–0.71× its float32 speed on an H200. CUDA only.</source>
            <translation>混合精度：前向传播在 GPU 上以 float16 运行（配合梯度缩放，使很小的梯度不会消失），准确率不变。它对大网络（大卷积、大批量）有利；小网络的类型转换开销大于收益：SimpleNN 在 H200 上只有 float32 速度的 0.65–0.71 倍。仅限 CUDA。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/train/task_settings.py" line="82" />
            <source>Mixed precision needs a CUDA GPU: choose the CUDA device (or Automatic, with a GPU present).</source>
            <translation>混合精度需要 CUDA GPU：请选择 CUDA 设备（或在有 GPU 时选择“自动”）。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/train/task_settings.py" line="83" />
            <source>Hold this share of the training data out as a validation set: the network never trains on it, and its loss and score each epoch show over-fitting without touching the test set. Takes effect on untrained weights (or after Reset).</source>
            <translation>从训练数据中留出这一比例作为验证集：网络从不在上面训练，它每个轮次的损失和得分可以在不动用测试集的情况下揭示过拟合。对未训练的权重（或重置之后）生效。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/train/task_settings.py" line="39" />
            <source>Multi-class (softmax)</source>
            <translation>多分类（Softmax）</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/train/task_settings.py" line="40" />
            <source>Multi-label (sigmoid per label)</source>
            <translation>多标签（每个标签一个 Sigmoid）</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/train/task_settings.py" line="41" />
            <source>Binary (yes / no)</source>
            <translation>二分类（是 / 否）</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/train/task_settings.py" line="42" />
            <source>Regression (numbers)</source>
            <translation>回归（数值）</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/train/task_settings.py" line="46" />
            <source>One class out of K for every example — which digit is it? The network ends with Linear(K); nn.CrossEntropyLoss applies the softmax itself.</source>
            <translation>每个样本属于 K 个类别中的一个：这是哪个数字？网络以 Linear(K) 结尾；nn.CrossEntropyLoss 自己会做 Softmax。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/train/task_settings.py" line="48" />
            <source>Several yes/no labels at once. For MNIST digits the labels are their attributes: {attributes}. A 6 is even AND ≥ 5 AND has a closed loop, so all three are 1. The network ends with Linear(4) + Sigmoid: one independent probability per label, trained with binary cross-entropy.</source>
            <translation>同时回答多个“是/否”标签。对 MNIST 数字来说，标签就是它们的属性：{attributes}。6 是偶数、≥ 5 并且有闭合圈，所以这三项都是 1。网络以 Linear(4) + Sigmoid 结尾：每个标签一个独立的概率，用二元交叉熵训练。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/train/task_settings.py" line="52" />
            <source>Yes or no: two classes. The network ends with Linear(1) + Sigmoid and trains with binary cross-entropy.</source>
            <translation>是或否：两个类别。网络以 Linear(1) + Sigmoid 结尾，用二元交叉熵训练。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/train/task_settings.py" line="54" />
            <source>Predict numbers (a price, a temperature). The network ends with Linear and trains with mean squared error; the score is R² (1 is perfect, 0 is no better than guessing the mean).</source>
            <translation>预测数值（价格、温度）。网络以 Linear 结尾，用均方误差训练；评分是 R²（1 表示完美，0 表示不比猜平均值更好）。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/train/task_settings.py" line="58" />
            <source>Cross-entropy</source>
            <translation>交叉熵</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/train/task_settings.py" line="59" />
            <source>Binary cross-entropy</source>
            <translation>二元交叉熵</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/train/task_settings.py" line="60" />
            <source>BCE with logits</source>
            <translation>带 logits 的 BCE</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/train/task_settings.py" line="61" />
            <source>Mean squared error</source>
            <translation>均方误差</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/train/task_settings.py" line="62" />
            <source>Mean absolute error</source>
            <translation>平均绝对误差</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/train/task_settings.py" line="65" />
            <source>No penalty: the loss is the data's loss alone.</source>
            <translation>不加惩罚：损失只是数据本身的损失。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/train/task_settings.py" line="66" />
            <source>Adds rate × Σ|w| over the weights (not biases): pushes many weights to exactly 0 (sparse networks).</source>
            <translation>对权重（不含偏置）加上 强度 × Σ|w|：把许多权重推到恰好为 0（稀疏网络）。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/train/task_settings.py" line="67" />
            <source>Adds rate × Σw² over the weights (not biases): keeps every weight small, which smooths what the network learns. With SGD it is the same as weight decay.</source>
            <translation>对权重（不含偏置）加上 强度 × Σw²：让每个权重都保持较小，使网络学到的东西更平滑。用 SGD 时它等同于权重衰减。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/train/task_settings.py" line="71" />
            <source>The same learning rate at every step.</source>
            <translation>每一步都使用相同的学习率。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/train/task_settings.py" line="72" />
            <source>Multiply the learning rate by γ every N epochs (torch.optim.lr_scheduler.StepLR).</source>
            <translation>每 N 轮把学习率乘以 γ（torch.optim.lr_scheduler.StepLR）。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/train/task_settings.py" line="73" />
            <source>Glide from the learning rate down to 0 along half a cosine over the run (CosineAnnealingLR).</source>
            <translation>在整次运行中沿半个余弦周期把学习率平滑降到 0（CosineAnnealingLR）。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/train/task_settings.py" line="74" />
            <source>Warm up from lr/25 to the learning rate over the first 30 % of the run, then anneal to almost 0 (OneCycleLR): fast and forgiving training.</source>
            <translation>在运行的前 30 % 内从 lr/25 预热到设定的学习率，然后退火到接近 0（OneCycleLR）：训练快且容错性好。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/train/task_settings.py" line="116" />
            <source>What the network learns to answer. Hover over each choice for what it means; tasks the data can't pose are not listed (import a CSV for regression).</source>
            <translation>网络要学会回答的问题。悬停在每个选项上查看其含义；数据无法提出的任务不会列出（回归请导入 CSV）。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/train/task_settings.py" line="119" />
            <source>What training minimises. Automatic picks the task's usual loss. Other choices show what goes wrong when the loss and the output layer don't fit.</source>
            <translation>训练要最小化的量。“自动”会选择该任务常用的损失。其他选项可以展示损失与输出层不匹配时会出什么问题。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/train/task_settings.py" line="139" />
            <source>A penalty on large weights, added to the loss for backpropagation: it fights over-fitting. The loss shown on the curves is the data's alone.</source>
            <translation>对过大权重的惩罚，在反向传播时加到损失上：用来对抗过拟合。曲线上显示的损失只是数据本身的损失。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/train/task_settings.py" line="143" />
            <source>λ, the strength of the penalty: loss + λ·Σ|w| (L1) or loss + λ·Σw² (L2). 1e-5 to 1e-3 is usual; too large and the weights can't grow enough to learn.</source>
            <translation>λ，惩罚的强度：损失 + λ·Σ|w|（L1）或 损失 + λ·Σw²（L2）。通常取 1e-5 到 1e-3；太大的话权重无法长到足以学习的程度。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/train/task_settings.py" line="151" />
            <source>How the learning rate changes over a run. A smaller rate late in training lets the weights settle into a minimum instead of bouncing around it.</source>
            <translation>学习率在一次运行中如何变化。训练后期较小的学习率能让权重稳定在极小值处，而不是在它周围来回跳动。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/train/task_settings.py" line="155" />
            <location filename="../../playground/ui/workspaces/train/training_panel.py" line="79" />
            <location filename="../../playground/ui/workspaces/train/training_panel.py" line="80" />
            <source> epochs</source>
            <translation> 轮</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/train/task_settings.py" line="156" />
            <source>The step schedule multiplies the learning rate by γ after this many epochs.</source>
            <translation>阶梯调度每经过这么多轮就把学习率乘以 γ。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/train/task_settings.py" line="162" />
            <source>γ: the factor the step schedule multiplies the learning rate by (0.5 halves it).</source>
            <translation>γ：阶梯调度给学习率乘上的因子（0.5 即减半）。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/train/task_settings.py" line="172" />
            <source>Mixed precision (AMP)</source>
            <translation>混合精度（AMP）</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/train/task_settings.py" line="184" />
            <source>Task and loss</source>
            <translation>任务和损失</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/train/task_settings.py" line="187" />
            <source>Loss</source>
            <translation>损失</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/train/task_settings.py" line="190" />
            <source>Regularisation and schedule</source>
            <translation>正则化和调度</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/train/task_settings.py" line="192" />
            <source>Penalty</source>
            <translation>惩罚</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/train/task_settings.py" line="193" />
            <source>Rate λ</source>
            <translation>强度 λ</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/train/task_settings.py" line="194" />
            <source>LR schedule</source>
            <translation>学习率调度</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/train/task_settings.py" line="195" />
            <source>Step every</source>
            <translation>阶梯间隔</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/train/task_settings.py" line="196" />
            <source>Multiply by</source>
            <translation>乘以</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/train/task_settings.py" line="199" />
            <source>Data split and precision</source>
            <translation>数据划分和精度</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/train/task_settings.py" line="201" />
            <source>Validation</source>
            <translation>验证</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/train/task_settings.py" line="316" />
            <source>Can't train like this</source>
            <translation>这样无法训练</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/train/task_settings.py" line="318" />
            <source>Trains, but</source>
            <translation>可以训练，但是</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/train/task_settings.py" line="355" />
            <source>Automatic: {loss}</source>
            <translation>自动：{loss}</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/train/task_settings.py" line="321" />
            <source>{fix}. One step on the network's undo stack (Ctrl+Z takes it back).</source>
            <translation>{fix}。在网络的撤销栈中算作一步（Ctrl+Z 可以恢复）。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/train/training_panel.py" line="48" />
            <source>No CUDA GPU was found on this computer (or this PyTorch build has no CUDA support).</source>
            <translation>这台计算机上没有找到 CUDA GPU（或者这个 PyTorch 版本不支持 CUDA）。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/train/training_panel.py" line="49" />
            <source>Checking for a CUDA GPU…</source>
            <translation>正在检查 CUDA GPU…</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/train/training_panel.py" line="51" />
            <source>(custom)</source>
            <translation>（自定义）</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/train/training_panel.py" line="31" />
            <source>w ← w − η·∇L. The plain rule: every weight moves against its gradient, scaled by the learning rate.</source>
            <translation>w ← w − η·∇L。最朴素的规则：每个权重都沿梯度的反方向移动，步长由学习率缩放。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/train/training_panel.py" line="33" />
            <source>Keeps a running velocity of past gradients (β = 0.9), so steps build up speed along consistent directions and damp zig-zags.</source>
            <translation>保留过去梯度的滑动“速度”（β = 0.9），使步子在方向一致时逐渐加速，并抑制来回震荡。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/train/training_panel.py" line="35" />
            <source>Momentum plus a per-weight step size from the running size of each gradient. Works well out of the box with a learning rate near 1e-3.</source>
            <translation>动量，再加上根据每个梯度的滑动大小为每个权重单独确定的步长。学习率取 1e-3 左右时开箱即用效果就很好。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/train/training_panel.py" line="37" />
            <source>Adam with weight decay applied directly to the weights (decoupled), the usual choice when regularising with weight decay.</source>
            <translation>把权重衰减直接作用在权重上（解耦）的 Adam，用权重衰减做正则化时的常用选择。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/train/training_panel.py" line="39" />
            <source>Divides each step by a running average of the squared gradient, so weights with large gradients take smaller steps.</source>
            <translation>每一步都除以梯度平方的滑动平均，因此梯度大的权重步子更小。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/train/training_panel.py" line="44" />
            <source>A CUDA GPU when there is one, otherwise the CPU.</source>
            <translation>有 CUDA GPU 时使用 GPU，否则使用 CPU。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/train/training_panel.py" line="45" />
            <source>The processor. Small networks on MNIST train quickly here.</source>
            <translation>处理器。在 MNIST 上，小型网络在这里也能很快训练。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/train/training_panel.py" line="46" />
            <source>An NVIDIA GPU through CUDA: much faster for large networks and batches.</source>
            <translation>通过 CUDA 使用 NVIDIA GPU：对大型网络和大批次快得多。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/train/training_panel.py" line="70" />
            <source>A ready-made network and its training settings. Choosing one loads its network into the editor (Undo gives the previous one back) and its settings here.</source>
            <translation>现成的网络及其训练设置。选择后会把它的网络载入编辑器（撤销可恢复之前的网络），并把它的设置载入这里。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/train/training_panel.py" line="81" />
            <source>One epoch is one pass over every training image. Each click on Train runs this many more epochs, continuing from the weights learned so far.</source>
            <translation>一个轮次就是把所有训练图像过一遍。每次点击“训练”都会在已学到的权重基础上再运行这么多轮。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/train/training_panel.py" line="84" />
            <source>How many images go into one gradient step. The loss is averaged over the batch: larger batches give smoother but fewer steps per epoch and use more memory. The arrows double or halve it.</source>
            <translation>每个梯度步使用多少张图像。损失在批次上取平均：批次越大，每轮的步数越少但更平滑，占用的内存也更多。箭头按钮会使其加倍或减半。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/train/training_panel.py" line="88" />
            <source>The learning rate η: how far each step moves the weights along the negative gradient. Too small and learning crawls; too large and the loss jumps around or blows up to NaN. Adam likes about 1e-3, plain SGD about 0.01–0.1. Type a value such as 3e-4; the arrows step 1, 2, 5, 10, 20, …</source>
            <translation>学习率 η：每一步沿负梯度方向移动权重的距离。太小则学习极慢；太大则损失上下乱跳，甚至爆炸成 NaN。Adam 适合 1e-3 左右，普通 SGD 适合 0.01–0.1。可以输入 3e-4 这样的值；箭头按 1、2、5、10、20、… 递进。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/train/training_panel.py" line="98" />
            <source>The rule that turns gradients into weight updates. Hover over each choice in the list for what it does.</source>
            <translation>把梯度变成权重更新的规则。悬停在列表中的每个选项上查看它的作用。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/train/training_panel.py" line="107" />
            <source>Where the arithmetic runs. Changing it moves the network, keeping its weights.</source>
            <translation>在哪里进行计算。更改后网络会迁移过去，权重保持不变。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/train/training_panel.py" line="110" />
            <source>One number fixes the random starting weights and the order the images are shuffled in, so a run can be repeated exactly. A new seed takes effect on untrained weights or after Reset.</source>
            <translation>一个数字决定随机的初始权重和图像打乱的顺序，使一次运行可以被精确重复。新的种子对未训练的权重或重置之后生效。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/train/training_panel.py" line="121" />
            <source>Loading…</source>
            <translation>正在加载…</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/train/training_panel.py" line="126" />
            <source>The images the network learns from (training) and is scored on (test).</source>
            <translation>网络用来学习（训练）和评分（测试）的图像。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/train/training_panel.py" line="130" />
            <source>How the last run ended.</source>
            <translation>上一次运行是如何结束的。</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/train/training_panel.py" line="134" />
            <source>Preset</source>
            <translation>预设</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/train/training_panel.py" line="136" />
            <source>Training settings</source>
            <translation>训练设置</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/train/training_panel.py" line="142" />
            <source>Device</source>
            <translation>设备</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/train/training_panel.py" line="152" />
            <source>Last run</source>
            <translation>上一次运行</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/train/training_panel.py" line="80" />
            <source> epoch</source>
            <translation> 轮</translation>
        </message>
        <message>
            <location filename="../../playground/ui/workspaces/train/training_panel.py" line="214" />
            <source>Back to MNIST</source>
            <translation>返回 MNIST</translation>
        </message>
        <message>
            <location filename="../../playground/core/explain/learn_topics.py" line="0" />
            <source>Layers and the W^[i] notation</source>
            <translation>层与 W^[i] 记号</translation>
        </message>
        <message>
            <location filename="../../playground/core/explain/learn_topics.py" line="0" />
            <source>A neural network is a stack of layers. The input layer only hands the data on, the hidden layers transform it, and the output layer gives the answer: here ten numbers, one per digit.</source>
            <translation>神经网络由一层层堆叠而成。输入层只负责把数据传给下一层，隐藏层对数据进行变换，输出层给出答案：这里是十个数，每个数字对应一个。</translation>
        </message>
        <message>
            <location filename="../../playground/core/explain/learn_topics.py" line="0" />
            <source>A dense (fully connected) layer joins every input to every output. Layer i holds a weight matrix W^[i] and a bias vector b^[i]; the [i] says which layer a quantity belongs to. In the notes' SimpleNN, fc1 is layer 1: W^[1] is 128×784 (128 outputs, 784 inputs) and b^[1] holds 128 numbers.</source>
            <translation>全连接层（稠密层）把每个输入都连到每个输出。第 i 层有一个权重矩阵 W^[i] 和一个偏置向量 b^[i]；[i] 表示这个量属于哪一层。在笔记的 SimpleNN 中，fc1 是第 1 层：W^[1] 是 128×784（128 个输出，784 个输入），b^[1] 有 128 个数。</translation>
        </message>
        <message>
            <location filename="../../playground/core/explain/learn_topics.py" line="0" />
            <source>Every block in the Network stack shows its output shape, its number of parameters and its W^[i] and b^[i] shapes. The Diagram draws the same network as columns of units.</source>
            <translation>“网络”层列表中的每个方块都显示该层的输出形状、参数个数以及 W^[i] 和 b^[i] 的形状。“网络图”把同一个网络画成一列列神经元。</translation>
        </message>
        <message>
            <location filename="../../playground/core/explain/learn_topics.py" line="0" />
            <source>Loads the notes' SimpleNN (seed-mlp), selects fc1 in the stack and opens the Diagram.</source>
            <translation>载入课程笔记中的 SimpleNN 网络，在层列表中选中 fc1，并打开“网络图”。</translation>
        </message>
        <message>
            <location filename="../../playground/core/explain/learn_topics.py" line="0" />
            <source>Forward propagation in a dense layer</source>
            <translation>全连接层中的前向传播</translation>
        </message>
        <message>
            <location filename="../../playground/core/explain/learn_topics.py" line="0" />
            <source>Inference runs the input through the layers in order. A dense layer first takes a weighted sum of all its inputs plus a bias, z^[i] = W^[i]·a^[i−1] + b^[i], then applies its activation function, a^[i] = g(z^[i]). The image itself is a^[0]; the last a is the output.</source>
            <translation>推理就是让输入依次通过各层。全连接层先对所有输入求加权和再加上偏置，z^[i] = W^[i]·a^[i−1] + b^[i]，然后应用激活函数，a^[i] = g(z^[i])。图像本身就是 a^[0]；最后一个 a 就是输出。</translation>
        </message>
        <message>
            <location filename="../../playground/core/explain/learn_topics.py" line="0" />
            <source>The weights decide how much each input matters; the bias shifts the sum, so a unit can respond even when its inputs are small.</source>
            <translation>权重决定每个输入有多重要；偏置让加权和整体平移，这样即使输入很小，神经元也能作出响应。</translation>
        </message>
        <message>
            <location filename="../../playground/core/explain/learn_topics.py" line="0" />
            <source>For inference PyTorch puts the model in evaluation mode and switches gradients off: nothing is learned, only computed.</source>
            <translation>推理时，PyTorch 把模型设为评估模式并关闭梯度：不学习任何东西，只做计算。</translation>
        </message>
        <message>
            <location filename="../../playground/core/explain/learn_topics.py" line="0" />
            <source>Puts a test digit on the canvas and opens Inside ▸ Forward pass, step by step: every z and a with the real numbers (an untrained network first trains for a moment).</source>
            <translation>在画布上放一个测试数字，并打开“网络内部 ▸ 逐步前向传播”：每个 z 和 a 都用真实的数值展示（未训练的网络会先训练片刻）。</translation>
        </message>
        <message>
            <location filename="../../playground/core/explain/learn_topics.py" line="0" />
            <source>Backpropagation: how a network learns</source>
            <translation>反向传播：网络如何学习</translation>
        </message>
        <message>
            <location filename="../../playground/core/explain/learn_topics.py" line="0" />
            <source>Training compares the output with the true label through a loss function: cross-entropy for classification, mean squared error for regression. The cost is the average loss over the examples.</source>
            <translation>训练时用损失函数比较输出和真实标签：分类用交叉熵，回归用均方误差。成本是所有样本损失的平均值。</translation>
        </message>
        <message>
            <location filename="../../playground/core/explain/learn_topics.py" line="0" />
            <source>Backpropagation applies the chain rule from the loss back through every layer and so finds the gradient ∂L/∂W of every weight. Gradient descent then moves each weight a small step against its gradient: W ← W − η·∂L/∂W, where η is the learning rate.</source>
            <translation>反向传播从损失出发，运用链式法则逐层向后求导，从而得到每个权重的梯度 ∂L/∂W。随后，梯度下降让每个权重沿梯度的反方向移动一小步：W ← W − η·∂L/∂W，其中 η 是学习率。</translation>
        </message>
        <message>
            <location filename="../../playground/core/explain/learn_topics.py" line="0" />
            <source>In PyTorch, torch.autograd records the forward pass and differentiates it; each batch takes three lines.</source>
            <translation>在 PyTorch 中，torch.autograd 记录前向传播并对其自动求导；每个批次只需三行代码。</translation>
        </message>
        <message>
            <location filename="../../playground/core/explain/learn_topics.py" line="0" />
            <source>Opens Inside ▸ While it learns and trains a quarter of an epoch: the gradient of every layer is plotted as the loss falls.</source>
            <translation>打开“网络内部 ▸ 学习过程中”并训练四分之一轮：随着损失下降，绘制出每一层的梯度。</translation>
        </message>
        <message>
            <location filename="../../playground/core/explain/learn_topics.py" line="0" />
            <source>Activation functions: which one where</source>
            <translation>激活函数：何处用哪一个</translation>
        </message>
        <message>
            <location filename="../../playground/core/explain/learn_topics.py" line="0" />
            <source>Without a non-linear activation, stacked dense layers collapse into a single linear map: the whole network would be no more than linear regression. The activation g(z) lets it bend.</source>
            <translation>没有非线性激活函数，堆叠的全连接层会合并成一个线性映射：整个网络不过是线性回归而已。激活函数 g(z) 让它能够“弯曲”。</translation>
        </message>
        <message>
            <location filename="../../playground/core/explain/learn_topics.py" line="0" />
            <source>Hidden layers: ReLU, max(0, z), is the default. It is cheap and learns quickly with gradient descent. Tanh (−1 to 1) and Leaky ReLU are worth a try.</source>
            <translation>隐藏层：默认使用 ReLU，即 max(0, z)。它计算简单，用梯度下降学得很快。Tanh（−1 到 1）和 Leaky ReLU 也值得一试。</translation>
        </message>
        <message>
            <location filename="../../playground/core/explain/learn_topics.py" line="0" />
            <source>Output layer, by task: sigmoid for the probability of a yes (binary classification); linear, that is no activation, for a value that can be anything (regression, e.g. a change in price); ReLU for a value that cannot be negative (e.g. a house price); softmax for one class out of many.</source>
            <translation>输出层按任务选择：sigmoid 用于“是”的概率（二分类）；线性，也就是不用激活函数，用于可以取任意值的量（回归，例如价格的变化）；ReLU 用于不能为负的量（例如房价）；softmax 用于从多个类别中选一个。</translation>
        </message>
        <message>
            <location filename="../../playground/core/explain/learn_topics.py" line="0" />
            <source>Selects the first activation layer in the Network stack: the form under the stack changes its kind, and the palette's Activation group lists them all.</source>
            <translation>在“网络”层列表中选中第一个激活层：列表下方的表单可以更改它的种类，层面板的“激活函数”组列出了全部激活函数。</translation>
        </message>
        <message>
            <location filename="../../playground/core/explain/learn_topics.py" line="0" />
            <source>Softmax (one class) vs sigmoid (many labels)</source>
            <translation>Softmax（单一类别）与 sigmoid（多个标签）</translation>
        </message>
        <message>
            <location filename="../../playground/core/explain/learn_topics.py" line="0" />
            <source>Multi-class: exactly one answer out of K, such as which digit this is. Softmax turns the K outputs into probabilities, P(y = k | x) = e^{z_k} / Σ_j e^{z_j}: each between 0 and 1, all together 1. Its loss is cross-entropy, the negative log of the true class's probability.</source>
            <translation>多类分类：从 K 个答案中恰好选一个，比如这是哪个数字。Softmax 把 K 个输出变成概率，P(y = k | x) = e^{z_k} / Σ_j e^{z_j}：每个都在 0 到 1 之间，总和为 1。它的损失是交叉熵，即真实类别概率的负对数。</translation>
        </message>
        <message>
            <location filename="../../playground/core/explain/learn_topics.py" line="0" />
            <source>Multi-label: any number of answers at once; a news article can be about politics and the economy. Each label gets its own sigmoid and its own yes or no, so the probabilities need not add up to 1, and the loss is binary cross-entropy per label.</source>
            <translation>多标签分类：可以同时有任意多个答案；一篇新闻可以既关于政治又关于经济。每个标签有自己的 sigmoid 和自己的“是”或“否”，所以这些概率之和不必为 1，损失是每个标签的二元交叉熵。</translation>
        </message>
        <message>
            <location filename="../../playground/core/explain/learn_topics.py" line="0" />
            <source>Opens Draw with a test digit: the ten bars are the softmax probabilities, which add up to 1.</source>
            <translation>打开“手写”并放上一个测试数字：十根柱子就是 softmax 概率，加起来等于 1。</translation>
        </message>
        <message>
            <location filename="../../playground/core/explain/learn_topics.py" line="0" />
            <source>Plain gradient descent moves every weight by the same fixed learning rate times its gradient. Too small a rate and it crawls; too large and it jumps about. It has no memory, so it zig-zags across narrow valleys and slows down near saddle points.</source>
            <translation>普通梯度下降让每个权重都移动“同一个固定学习率 × 它的梯度”。学习率太小，进展缓慢；太大，则来回跳动。它没有记忆，所以会在狭窄的山谷里来回震荡，在鞍点附近变慢。</translation>
        </message>
        <message>
            <location filename="../../playground/core/explain/learn_topics.py" line="0" />
            <source>Adam (adaptive moment estimation) keeps two running averages for every weight: of its gradient (momentum) and of the gradient's square. So each weight gets a step size of its own, and steps keep their direction through noisy gradients. Adam usually needs fewer epochs, copes with noisy and sparse gradients, and 0.001 is a good learning rate to start with: it is the usual default.</source>
            <translation>Adam（自适应矩估计）为每个权重维护两个滑动平均：梯度的平均（动量）和梯度平方的平均。因此每个权重都有自己的步长，在梯度有噪声时步子也能保持方向。Adam 通常需要更少的训练轮次，能应对有噪声和稀疏的梯度；0.001 是一个很好的起始学习率，也是通常的默认值。</translation>
        </message>
        <message>
            <location filename="../../playground/core/explain/learn_topics.py" line="0" />
            <source>Sets plain SGD with learning rate 0.01 and opens the Training curves: train, then Reset, choose Adam at 0.001 and train again to compare.</source>
            <translation>设为学习率 0.01 的普通 SGD 并打开“训练曲线”：先训练，再重置，选择学习率 0.001 的 Adam 再训练一次，进行比较。</translation>
        </message>
        <message>
            <location filename="../../playground/core/explain/learn_topics.py" line="0" />
            <source>Convolution: kernel, stride, padding</source>
            <translation>卷积：卷积核、步幅、填充</translation>
        </message>
        <message>
            <location filename="../../playground/core/explain/learn_topics.py" line="0" />
            <source>A convolution layer slides small kernels (filters: 3×3 or 5×5 matrices of weights) over the image. At each position it takes the weighted sum of the window under the kernel; all the sums together form a feature map. Each kernel makes one output channel.</source>
            <translation>卷积层让小的卷积核（滤波器：3×3 或 5×5 的权重矩阵）在图像上滑动。在每个位置，它对卷积核下方窗口中的值求加权和；所有这些和合在一起构成一张特征图。每个卷积核产生一个输出通道。</translation>
        </message>
        <message>
            <location filename="../../playground/core/explain/learn_topics.py" line="0" />
            <source>The stride is how far the kernel moves each time: stride 2 halves the size of the map. Padding adds a border of zeros so the kernel can also sit on the edges: 'valid' (none) shrinks the map, 'same' keeps its size. Output size = ⌊(n + 2p − k) / s⌋ + 1.</source>
            <translation>步幅是卷积核每次移动的距离：步幅为 2 时特征图的尺寸减半。填充在边缘补一圈 0，使卷积核也能覆盖边缘：'valid'（不填充）会让特征图变小，'same' 保持尺寸不变。输出尺寸 = ⌊(n + 2p − k) / s⌋ + 1。</translation>
        </message>
        <message>
            <location filename="../../playground/core/explain/learn_topics.py" line="0" />
            <source>One kernel is used everywhere (shared weights) and looks at a small window (local connections), so a convolution needs far fewer weights than a dense layer and finds a pattern wherever it is. Early layers find edges and strokes, later ones whole shapes; pooling layers shrink the maps in between.</source>
            <translation>同一个卷积核在所有位置使用（权重共享），并且只看一个小窗口（局部连接），所以卷积需要的权重比全连接层少得多，而且无论图案出现在哪里都能找到它。前面的层找出边缘和笔画，后面的层找出完整的形状；其间的池化层把特征图缩小。</translation>
        </message>
        <message>
            <location filename="../../playground/core/explain/learn_topics.py" line="0" />
            <source>Loads the small CNN, selects conv1 (its kernel, stride and padding are in the form) and shows its feature maps for a test digit on Inside (training for a moment first if needed).</source>
            <translation>载入小型 CNN，选中 conv1（它的卷积核、步幅和填充都在表单中），并在“网络内部”中显示它对一个测试数字生成的特征图（如有需要，会先训练片刻）。</translation>
        </message>
        <message>
            <location filename="../../playground/core/explain/learn_topics.py" line="0" />
            <source>Matrix multiplication rules</source>
            <translation>矩阵乘法规则</translation>
        </message>
        <message>
            <location filename="../../playground/core/explain/learn_topics.py" line="0" />
            <source>A·B exists only when A has as many columns as B has rows: A (a×b) times B (b×c) gives C (a×c). Each entry is a row times a column: C[i][j] = A[i,:]·B[:,j].</source>
            <translation>只有当 A 的列数等于 B 的行数时，A·B 才存在：A（a×b）乘以 B（b×c）得到 C（a×c）。每个元素都是一行乘以一列：C[i][j] = A[i,:]·B[:,j]。</translation>
        </message>
        <message>
            <location filename="../../playground/core/explain/learn_topics.py" line="0" />
            <source>Order matters: A·B ≠ B·A in general, and one of them may not exist at all. The product is associative, A(BC) = (AB)C, and distributes over addition, A(B + C) = AB + AC. The transpose Aᵀ swaps rows and columns, and (AB)ᵀ = BᵀAᵀ.</source>
            <translation>顺序很重要：一般来说 A·B ≠ B·A，其中一个甚至可能根本不存在。矩阵乘法满足结合律 A(BC) = (AB)C，以及对加法的分配律 A(B + C) = AB + AC。转置 Aᵀ 交换行和列，并且 (AB)ᵀ = BᵀAᵀ。</translation>
        </message>
        <message>
            <location filename="../../playground/core/explain/learn_topics.py" line="0" />
            <source>A dense layer is such a product: for a batch of inputs X, PyTorch computes X·Wᵀ + b.</source>
            <translation>全连接层就是这样一个乘积：对一批输入 X，PyTorch 计算 X·Wᵀ + b。</translation>
        </message>
        <message>
            <location filename="../../playground/core/explain/learn_topics.py" line="0" />
            <source>Opens Matrices ▸ A·B step by step: edit A and B and step through C one cell at a time; the Laws tab checks each rule on the same numbers.</source>
            <translation>打开“矩阵 ▸ A·B 逐步计算”：编辑 A 和 B，一次一格地逐步算出 C；“运算律”标签页用同样的数验证每条规则。</translation>
        </message>
        <message>
            <location filename="../../playground/core/explain/learn_topics.py" line="0" />
            <source>Tensors: from scalars to stacks of matrices</source>
            <translation>张量：从标量到一叠矩阵</translation>
        </message>
        <message>
            <location filename="../../playground/core/explain/learn_topics.py" line="0" />
            <source>PyTorch keeps all data in tensors, arrays with any number of axes. Rank 0 is a single number (a scalar), rank 1 a row of numbers (a vector), rank 2 a table (a matrix), rank 3 a stack of tables, such as a colour image: channels × height × width.</source>
            <translation>PyTorch 把所有数据都存放在张量中，张量是可以有任意多个轴的数组。0 阶是单个数（标量），1 阶是一行数（向量），2 阶是一张表（矩阵），3 阶是一叠表，例如一张彩色图像：通道 × 高 × 宽。</translation>
        </message>
        <message>
            <location filename="../../playground/core/explain/learn_topics.py" line="0" />
            <source>A batch adds one axis in front: 64 MNIST digits are a tensor of shape 64×1×28×28. Flatten turns each 1×28×28 image into a vector of 784 numbers, which a dense layer can take.</source>
            <translation>一个批次在最前面再加一个轴：64 个 MNIST 数字是形状为 64×1×28×28 的张量。Flatten 把每张 1×28×28 的图像展平成含 784 个数的向量，这样全连接层才能接收。</translation>
        </message>
        <message>
            <location filename="../../playground/core/explain/learn_topics.py" line="0" />
            <source>Opens Matrices ▸ Tensors (rank 0–3): each rank with its shape and its PyTorch code.</source>
            <translation>打开“矩阵 ▸ 张量（0–3 阶）”：每一阶都附有它的形状和 PyTorch 代码。</translation>
        </message>
        <message>
            <location filename="../../playground/core/explain/learn_topics.py" line="0" />
            <source>Training vs test: evaluation and over-fitting</source>
            <translation>训练与测试：评估与过拟合</translation>
        </message>
        <message>
            <location filename="../../playground/core/explain/learn_topics.py" line="0" />
            <source>A model is judged on data it has never seen. The data is split: the training set (often 70 % or more) is used to learn the parameters, the test set only to measure how well the model generalises. MNIST comes split into 60,000 training and 10,000 test digits.</source>
            <translation>评判模型要用它从未见过的数据。数据被划分开：训练集（通常占 70 % 或更多）用来学习参数，测试集只用来衡量模型的泛化能力。MNIST 本身已划分为 60,000 个训练数字和 10,000 个测试数字。</translation>
        </message>
        <message>
            <location filename="../../playground/core/explain/learn_topics.py" line="0" />
            <source>A low training error with a high test error is over-fitting: the network has memorised its examples instead of learning the pattern. Watch both curves; when the test loss rises while the training loss keeps falling, stop, or regularise (dropout, weight decay, more data).</source>
            <translation>训练误差低而测试误差高，就是过拟合：网络记住了它的样本，而没有学到其中的规律。请同时观察两条曲线；当测试损失上升而训练损失仍在下降时，就该停止训练，或者进行正则化（dropout、权重衰减、更多数据）。</translation>
        </message>
        <message>
            <location filename="../../playground/core/explain/learn_topics.py" line="0" />
            <source>For classification, compare the share of misclassified digits on both sets; the confusion matrix shows which classes get mixed up.</source>
            <translation>对于分类任务，比较两个数据集上被分错的数字所占的比例；混淆矩阵显示哪些类别容易被混淆。</translation>
        </message>
        <message>
            <location filename="../../playground/core/explain/learn_topics.py" line="0" />
            <source>Opens Evaluation and classifies the whole test set: confusion matrix, accuracy per class and the most confidently wrong digits (an untrained network first trains a quarter of an epoch).</source>
            <translation>打开“评估”并对整个测试集分类：混淆矩阵、每个类别的准确率，以及网络最有把握却判断错误的数字（未训练的网络会先训练四分之一轮）。</translation>
        </message>
        <message>
            <location filename="../../playground/core/explain/learn_topics.py" line="0" />
            <source>Saliency: what the network looks at</source>
            <translation>显著性：网络在看哪里</translation>
        </message>
        <message>
            <location filename="../../playground/core/explain/learn_topics.py" line="0" />
            <source>A saliency map shows which pixels an answer depends on. Take the score of one class (the logit of a 3, say) and its gradient with respect to every pixel of the input: a large |∂ score / ∂ pixel| means that changing this pixel would change the score a lot. Drawn over the digit, the map lights up the strokes that matter.</source>
            <translation>显著性图显示一个回答依赖于哪些像素。取一个类别的得分（比如 3 的 logit），求它对输入中每个像素的梯度：|∂ 得分 / ∂ 像素| 越大，说明改变这个像素会让得分变化越多。把这张图叠加在数字上，起作用的笔画就会亮起来。</translation>
        </message>
        <message>
            <location filename="../../playground/core/explain/learn_topics.py" line="0" />
            <source>The plain gradient is quick but speckled. SmoothGrad adds a little random noise to the image many times and averages the gradients of the noisy copies: the speckle cancels out, the strokes stay.</source>
            <translation>普通梯度计算快，但呈斑点状。SmoothGrad 多次给图像加上少量随机噪声，再对这些加噪副本的梯度取平均：斑点相互抵消，笔画留了下来。</translation>
        </message>
        <message>
            <location filename="../../playground/core/explain/learn_topics.py" line="0" />
            <source>Grad-CAM needs a convolution layer. It weights each feature map of the last convolution layer by the mean gradient of the class score over that map, adds the maps up and keeps the positive part: a coarse picture of where in the image the evidence for the class lies.</source>
            <translation>Grad-CAM 需要卷积层。它用类别得分在最后一个卷积层每张特征图上的平均梯度给这张特征图加权，把各特征图加起来，只保留正的部分：得到一张粗略的图，显示该类别的证据位于图像的哪里。</translation>
        </message>
        <message>
            <location filename="../../playground/core/explain/learn_topics.py" line="0" />
            <source>Opens Draw with a test digit and switches on “Show what it looks at”: SmoothGrad, or Grad-CAM for a network with a convolution layer (an untrained network first trains for a moment).</source>
            <translation>打开“手写”并放上一个测试数字，然后打开“显示网络在看哪里”：使用 SmoothGrad；对含卷积层的网络则使用 Grad-CAM（未训练的网络会先训练片刻）。</translation>
        </message>
        <message>
            <location filename="../../playground/core/explain/learn_topics.py" line="0" />
            <source>Adversarial examples: fooling the network</source>
            <translation>对抗样本：骗过网络</translation>
        </message>
        <message>
            <location filename="../../playground/core/explain/learn_topics.py" line="0" />
            <source>A network that classifies well can still be fooled by a change too small for a person to notice. Such an input is an adversarial example: every pixel moves only a little, but each one moves in the direction that hurts the network most.</source>
            <translation>一个分类得很好的网络，仍然可能被小到人察觉不到的改动骗过。这样的输入叫作对抗样本：每个像素只移动一点点，但每一个都朝着对网络伤害最大的方向移动。</translation>
        </message>
        <message>
            <location filename="../../playground/core/explain/learn_topics.py" line="0" />
            <source>The fast gradient sign method (FGSM) finds that direction with a single gradient: the gradient of the loss with respect to the pixels, ∇ₓL. Only its sign is kept, so every pixel moves by the same small ε: x' = x + ε·sign(∇ₓL), clipped to the valid range 0 to 1.</source>
            <translation>快速梯度符号法（FGSM）只用一次梯度就找到这个方向：损失对像素的梯度 ∇ₓL。只保留它的符号，所以每个像素都移动同样小的 ε：x' = x + ε·sign(∇ₓL)，再裁剪到有效范围 0 到 1。</translation>
        </message>
        <message>
            <location filename="../../playground/core/explain/learn_topics.py" line="0" />
            <source>The smallest ε that changes the prediction measures how robust the answer is. Training on such examples as well (adversarial training) makes a network harder to fool.</source>
            <translation>能改变预测的最小 ε 衡量了这个回答有多稳健。同时用这样的样本来训练（对抗训练），能让网络更难被骗过。</translation>
        </message>
        <message>
            <location filename="../../playground/core/explain/learn_topics.py" line="0" />
            <source>Puts a test digit on the canvas and opens Fool it: the smallest ε that changes the answer, with the changed digit and its probabilities (an untrained network first trains for a moment).</source>
            <translation>在画布上放一个测试数字并打开“骗过它”：显示能改变回答的最小 ε，以及改动后的数字和它的各个概率（未训练的网络会先训练片刻）。</translation>
        </message>
        <message>
            <location filename="../../playground/core/explain/learn_topics.py" line="0" />
            <source>Projecting a layer: PCA and t-SNE</source>
            <translation>投影一层：PCA 与 t-SNE</translation>
        </message>
        <message>
            <location filename="../../playground/core/explain/learn_topics.py" line="0" />
            <source>A hidden layer turns each digit into a long vector of numbers: 64 of them after fc2 in the notes' SimpleNN. To see how the layer arranges the digits, each vector becomes a point in 2-D, one point per test digit, coloured by its label.</source>
            <translation>隐藏层把每个数字变成一个很长的数值向量：在课程笔记的 SimpleNN 中，fc2 之后有 64 个数。为了看清这一层如何排布各个数字，每个向量都变成二维平面上的一个点，每个测试数字一个点，按它的标签着色。</translation>
        </message>
        <message>
            <location filename="../../playground/core/explain/learn_topics.py" line="0" />
            <source>PCA (principal component analysis) finds the directions in which the vectors vary most: the first principal component is the direction of largest variance, the second the largest at right angles to it. Projecting onto these two keeps as much of the spread as two axes can. t-SNE keeps neighbours instead: digits that are close in the layer stay close in the picture, but the distances between clusters mean little.</source>
            <translation>PCA（主成分分析）找出向量变化最大的方向：第一主成分是方差最大的方向，第二主成分是与它垂直的方向中方差最大的那个。投影到这两个方向上，能保留两根坐标轴所能保留的最多的离散程度。t-SNE 则保留邻近关系：在这一层中相近的数字，在图中也靠得很近，但簇与簇之间的距离意义不大。</translation>
        </message>
        <message>
            <location filename="../../playground/core/explain/learn_topics.py" line="0" />
            <source>Before training the digits form one mixed cloud. As the network learns, the classes pull apart into clusters of their own: the layer has learned features that tell the digits apart. A digit that sits in another class's cluster is one the network is likely to get wrong.</source>
            <translation>训练之前，各个数字混成一团点云。随着网络学习，各个类别逐渐分开，形成各自的簇：这一层学到了能区分数字的特征。落在其他类别的簇里的数字，往往就是网络容易判断错误的数字。</translation>
        </message>
        <message>
            <location filename="../../playground/core/explain/learn_topics.py" line="0" />
            <source>Opens the Projector: 2,000 test digits as points, placed by PCA of a layer's outputs; it follows the training, and t-SNE runs on demand (an untrained network first trains for a moment).</source>
            <translation>打开“投影”：2,000 个测试数字显示为点，按某一层输出的 PCA 摆放；它随训练实时更新，t-SNE 按需运行（未训练的网络会先训练片刻）。</translation>
        </message>
        <message>
            <location filename="../../resources/presets/cnn.json" line="0" />
            <source>Small LeNet-style CNN</source>
            <translation>LeNet 风格的小型 CNN</translation>
        </message>
        <message>
            <location filename="../../resources/presets/cnn.json" line="0" />
            <source>Two convolution + max-pool stages (16 and 32 kernels of 5×5, padding 2) find strokes and shapes; two Linear layers classify them. About 99 % on MNIST after 2 epochs.</source>
            <translation>两级“卷积 + 最大池化”（16 个和 32 个 5×5 卷积核，填充 2）找出笔画和形状；两个 Linear 层据此分类。训练 2 轮后在 MNIST 上约 99 %。</translation>
        </message>
        <message>
            <location filename="../../resources/presets/linear-stack.json" line="0" />
            <source>Three Linear layers, no activations</source>
            <translation>三个 Linear 层，没有激活函数</translation>
        </message>
        <message>
            <location filename="../../resources/presets/linear-stack.json" line="0" />
            <source>784-128-64-10 like SimpleNN but without ReLU: the three matrices multiply into one, W^[3]W^[2]W^[1], so the network is no better than softmax regression. Compare it with seed-mlp to see why activations matter.</source>
            <translation>与 SimpleNN 一样是 784-128-64-10，但没有 ReLU：三个矩阵相乘合为一个 W^[3]W^[2]W^[1]，所以这个网络并不比 softmax 回归更好。与 seed-mlp 比较，就能看出激活函数为什么重要。</translation>
        </message>
        <message>
            <location filename="../../resources/presets/rnn-rows.json" line="0" />
            <source>LSTM reading the digit row by row</source>
            <translation>逐行读取数字的 LSTM</translation>
        </message>
        <message>
            <location filename="../../resources/presets/rnn-rows.json" line="0" />
            <source>An LSTM with 128 hidden units reads the 28 rows of the image one after another (28 steps of 28 pixels) and a Linear layer classifies its last hidden state.</source>
            <translation>一个有 128 个隐藏单元的 LSTM 依次读取图像的 28 行（28 步，每步 28 个像素），再由一个 Linear 层对它最后的隐藏状态分类。</translation>
        </message>
        <message>
            <location filename="../../resources/presets/seed-mlp.json" line="0" />
            <source>SimpleNN 784-128-64-10 (course notes)</source>
            <translation>SimpleNN 784-128-64-10（课程笔记）</translation>
        </message>
        <message>
            <location filename="../../resources/presets/seed-mlp.json" line="0" />
            <source>The course notes' SimpleNN: flatten the 28×28 digit, two ReLU hidden layers of 128 and 64 units, 10 outputs. Adam, learning rate 1e-3, batch 64, cross-entropy, Normalize(0.5, 0.5), 5 epochs. 109,386 parameters.</source>
            <translation>课程笔记中的 SimpleNN：把 28×28 的数字展平，两个 ReLU 隐藏层分别有 128 和 64 个神经元，10 个输出。Adam，学习率 1e-3，批大小 64，交叉熵，Normalize(0.5, 0.5)，5 轮。共 109,386 个参数。</translation>
        </message>
        <message>
            <location filename="../../resources/presets/softmax-regression.json" line="0" />
            <source>Softmax regression (one Linear layer)</source>
            <translation>Softmax 回归（一个 Linear 层）</translation>
        </message>
        <message>
            <location filename="../../resources/presets/softmax-regression.json" line="0" />
            <source>The classical machine-learning baseline: one Linear layer from 784 pixels to 10 scores, softmax in the loss. No hidden layer, so it can only draw straight boundaries; expect about 92 % on MNIST.</source>
            <translation>经典机器学习的基线：一个 Linear 层把 784 个像素映射为 10 个分数，softmax 在损失函数中。没有隐藏层，所以只能画出直线边界；在 MNIST 上约 92 %。</translation>
        </message>
        <message>
            <source>{run} is in the window: Train continues it; the fork bar in the Runs view forks it with other settings.</source>
            <translation type="vanished">{run} 已在窗口中：“训练”会继续它；“运行”视图中的分叉栏可以用其他设置分叉它。</translation>
        </message>
        <message>
            <source>&amp;Export PyTorch Script…</source>
            <translation type="vanished">导出 PyTorch 脚本(&amp;E)…</translation>
        </message>
        <message>
            <source>&amp;Go To Tab</source>
            <translation type="vanished">转到标签页(&amp;G)</translation>
        </message>
        <message>
            <source>{name}: {count} training row(s) cannot be split into training and validation.</source>
            <translation type="vanished">{name}：{count} 行训练数据无法再划分为训练集和验证集。</translation>
        </message>
        <message>
            <source>{name}: {count} training item(s) cannot be split into training and validation</source>
            <translation type="vanished">{name}：{count} 个训练样本无法再划分为训练集和验证集</translation>
        </message>
        <message>
            <source>{where}: 'name' must be a Python identifier such as fc1 (got {name}).</source>
            <translation type="vanished">{where}：'name' 必须是 Python 标识符，例如 fc1（当前为 {name}）。</translation>
        </message>
        <message>
            <source>Drawing added as a {label}: {count} drawing in the training data and the project.</source>
            <translation type="vanished">手写图已作为“{label}”加入：训练数据和项目中共有 {count} 幅手写图。</translation>
        </message>
        <message>
            <source>Drawing added as a {label}: {count} drawings in the training data and the project.</source>
            <translation type="vanished">手写图已作为“{label}”加入：训练数据和项目中共有 {count} 幅手写图。</translation>
        </message>
        <message>
            <source>&lt;b&gt;Trained {epochs} epochs, {steps:,} steps.&lt;/b&gt;</source>
            <translation type="vanished">&lt;b&gt;已训练 {epochs} 轮，共 {steps:,} 步。&lt;/b&gt;</translation>
        </message>
        <message>
            <source>Finished: {epochs} epochs, {steps:,} steps</source>
            <translation type="vanished">已完成：{epochs} 轮，{steps:,} 步</translation>
        </message>
        <message>
            <source>Stopped at step {steps:,} ({epochs} full epochs)</source>
            <translation type="vanished">在第 {steps:,} 步停止（{epochs} 个完整轮次）</translation>
        </message>
        <message>
            <source>{error} (and {count} more cell)</source>
            <translation type="vanished">{error}（另有 {count} 个单元格有误）</translation>
        </message>
        <message>
            <source>{error} (and {count} more cells)</source>
            <translation type="vanished">{error}（另有 {count} 个单元格有误）</translation>
        </message>
        <message>
            <source>Delete {names}? Its curves and settings are forgotten; the network's weights stay as they are. {children} run forked from it keep their own curves.</source>
            <translation type="vanished">删除 {names}？它的曲线和设置将被删除；网络的权重保持不变。从它分叉出的 {children} 次运行会保留自己的曲线。</translation>
        </message>
        <message>
            <source>Delete {names}? Its curves and settings are forgotten; the network's weights stay as they are. {children} runs forked from it keep their own curves.</source>
            <translation type="vanished">删除 {names}？它的曲线和设置将被删除；网络的权重保持不变。从它分叉出的 {children} 次运行会保留各自的曲线。</translation>
        </message>
    </context>
</TS>
